create table spring_crate (id bigint not null, label varchar(40) not null, weight integer not null, primary key (id));
