create table nested_in_classpath (id int);
