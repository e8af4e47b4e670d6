DROP TABLE raw.remembered_pages;
