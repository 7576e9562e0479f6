with
  "units"("unit_id", "variant", "first_exposed_at", "segment") as (
    select
      "x"."unit_id",
      min(cast("x"."variant" as varchar)),
      min("x"."exposed_at"),
      'all'
    from "exposures" "x"
    where (
      cast("x"."experiment_id" as varchar) = 'exp_t'
      and "x"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
      and "x"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
      and cast("x"."variant" as varchar) is not null
      and cast("x"."variant" as varchar) in (
        'control', 'treatment'
      )
    )
    group by "x"."unit_id"
    having min(cast("x"."variant" as varchar)) = max(cast("x"."variant" as varchar))
  )
select
  "units"."segment" "segment",
  "units"."variant" "variant",
  "units"."unit_id" "unit_id",
  cast("e"."startup_ms" as double) "value"
from "units"
  left outer join "playback" "e"
    on (
      "e"."unit_id" = "units"."unit_id"
      and "e"."started_at" >= "units"."first_exposed_at"
      and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * 7)
    )
where "units"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
order by "segment", "variant", "unit_id", "value"
