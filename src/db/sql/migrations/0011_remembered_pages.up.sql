-- Performance (issue 7): a page the upstream answers byte for byte as it did on the last run
-- of the same kind, window and page size is neither decoded nor looked up again. Per page,
-- the hash of its body and what reading it found. Unlogged, like raw.leave_fingerprints: a
-- cache, and losing it costs one run that reads every page.
CREATE UNLOGGED TABLE raw.remembered_pages (
    run_kind     text    NOT NULL,
    window_start date,
    window_end   date,
    page_size    integer NOT NULL,
    page_number  integer NOT NULL,
    body_hash    bigint  NOT NULL,
    records      integer NOT NULL,
    accepted     integer NOT NULL,
    total        bigint,
    PRIMARY KEY (run_kind, page_number)
);
