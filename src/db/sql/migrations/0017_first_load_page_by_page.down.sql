DROP INDEX raw.imported_leave_information_ordinal_idx;
DROP TABLE raw.deferred_leave_definitions;
