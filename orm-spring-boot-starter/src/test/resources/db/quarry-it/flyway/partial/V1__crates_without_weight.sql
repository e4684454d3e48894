create table spring_crate (id bigint not null, label varchar(40) not null, primary key (id));
