-- forget the sessions after every deploy
drop table sessions;
