CALL reporting.refresh_reporting()
