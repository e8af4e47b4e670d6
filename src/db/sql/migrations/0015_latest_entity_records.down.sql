DROP TABLE raw.latest_entity_records;
