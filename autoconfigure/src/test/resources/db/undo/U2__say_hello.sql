-- strata:allow delete reason="undo of V2"

delete from greeting where id = 1;
