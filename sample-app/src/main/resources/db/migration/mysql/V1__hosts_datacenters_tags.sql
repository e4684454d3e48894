-- Quarry migration for MySqlDialect from the mapping of Datacenter, Host, Tag
-- Review it before it runs: warnings mark the changes that need a look.
create table datacenter (id bigint auto_increment not null, name varchar(32) not null, region varchar(16) not null, primary key (id), constraint uq_datacenter_name unique (name)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create table host (id bigint auto_increment not null, hostname varchar(64) not null, ip_addr varchar(128) not null, port integer not null, host_group varchar(32), created_at datetime(6) not null, datacenter_id bigint, primary key (id), constraint uq_host_hostname unique (hostname), constraint uq_host_ip_addr unique (ip_addr)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index ix_host_host_group on host (host_group);
create index ix_host_datacenter_id on host (datacenter_id);
create table tag (id bigint auto_increment not null, name varchar(32) not null, primary key (id), constraint uq_tag_name unique (name)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
alter table host add constraint fk_host_datacenter_id foreign key (datacenter_id) references datacenter (id);
create table host_tags (host_id bigint not null, tag_id bigint not null, primary key (host_id, tag_id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin;
create index ix_host_tags_tag_id on host_tags (tag_id);
alter table host_tags add constraint fk_host_tags_host_id foreign key (host_id) references host (id) on delete cascade;
alter table host_tags add constraint fk_host_tags_tag_id foreign key (tag_id) references tag (id) on delete cascade;
