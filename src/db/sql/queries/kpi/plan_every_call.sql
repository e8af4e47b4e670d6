-- Not a KPI: run before one. A KPI's filters swing its selectivity from call to call (one
-- employee, or everyone), so a cached generic plan that suits one kind of call is slow for the
-- other. Plan every call for its own values, until the end of the current transaction only.
SET LOCAL plan_cache_mode = force_custom_plan
