CALL reporting.refresh_reporting(true)
