-- Tables as Hibernate's schema export writes them for MariaDB: bit(1) booleans, FK<hash> and UK<hash> names,
-- foreign keys added by ALTER TABLE without indexes of their own, sequences kept in a table.
create table hib_customer (id bigint not null auto_increment, active bit(1) not null, email varchar(255), name varchar(255), created_at datetime(6), primary key (id)) engine=InnoDB;
create table hib_product (id bigint not null, price decimal(38,2), sku varchar(40) not null, title varchar(255), weight float(53), primary key (id)) engine=InnoDB;
create table hib_product_seq (next_val bigint) engine=InnoDB;
create table hib_orders (id bigint not null auto_increment, customer_id bigint not null, placed_at datetime(6), status enum ('NEW','PAID','SHIPPED','CANCELLED'), total decimal(19,2), primary key (id)) engine=InnoDB;
create table hib_order_line (id bigint not null auto_increment, order_id bigint not null, product_id bigint not null, quantity integer not null, flags bit(8), primary key (id)) engine=InnoDB;
alter table hib_customer add constraint UKdwk6cx0afu8bs9o4t536v1j5v unique (email);
alter table hib_product add constraint UK_q1mafxn973ldq80m1irp3mpvq unique (sku);
alter table hib_orders add constraint FKlbp1yd1yntaw8ka7ypcyt8bv7 foreign key (customer_id) references hib_customer (id);
alter table hib_order_line add constraint FKk9f9t1tmkbq5w27u8rrjbxxg6 foreign key (order_id) references hib_orders (id);
alter table hib_order_line add constraint FK9ul6bfe0o15w4q4qr1abhc0b0 foreign key (product_id) references hib_product (id);
