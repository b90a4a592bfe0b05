create index greeting_text_idx on greeting (text);

alter table greeting drop column text;
