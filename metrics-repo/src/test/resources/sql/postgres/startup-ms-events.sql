with
  "units"("unit_id", "variant", "first_exposed_at", "segment") as (
    select "exposed_units"."unit_id", "exposed_units"."first_variant", "exposed_units"."first_exposed_at", 'all'
    from (
      select
        "x"."unit_id" as "unit_id",
        min(cast("x"."variant" as varchar)) filter (where (
          cast("x"."variant" as varchar) is not null
          and cast("x"."variant" as varchar) in (
            'control', 'treatment'
          )
        )) as "first_variant",
        max(cast("x"."variant" as varchar)) filter (where (
          cast("x"."variant" as varchar) is not null
          and cast("x"."variant" as varchar) in (
            'control', 'treatment'
          )
        )) as "last_variant",
        min("x"."exposed_at") filter (where (
          cast("x"."variant" as varchar) is not null
          and cast("x"."variant" as varchar) in (
            'control', 'treatment'
          )
        )) as "first_exposed_at",
        cast(
          count(*) filter (where not (
            cast("x"."variant" as varchar) is not null
            and cast("x"."variant" as varchar) in (
              'control', 'treatment'
            )
          ))
          as bigint
        ) as "invalid_rows",
        cast(
          count(*)
          as bigint
        ) as "exposure_rows"
      from "exposures" as "x"
      where (
        cast("x"."experiment_id" as varchar) = 'exp_t'
        and "x"."unit_id" is not null
        and cast("x"."unit_id" as varchar) <> ''
        and "x"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
        and "x"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
      )
      group by "x"."unit_id"
    ) as "exposed_units"
    where "exposed_units"."first_variant" = "exposed_units"."last_variant"
  )
select
  "units"."segment" as "segment",
  "units"."variant" as "variant",
  "units"."unit_id" as "unit_id",
  cast("e"."startup_ms" as double precision) as "value"
from "units"
  left outer join "playback" as "e"
    on (
      "e"."unit_id" = "units"."unit_id"
      and "e"."started_at" >= "units"."first_exposed_at"
      and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
    )
where "units"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
order by "segment", "variant", "unit_id", "value"
