DROP TABLE ops.users;
