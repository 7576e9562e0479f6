select
  case
    when "exposed_units"."first_variant" = "exposed_units"."last_variant" then "exposed_units"."first_variant"
  end "variant",
  cast(
    count(*) filter (where "exposed_units"."first_variant" = "exposed_units"."last_variant")
    as bigint
  ) "units",
  cast(
    count(*) filter (where "exposed_units"."first_variant" <> "exposed_units"."last_variant")
    as bigint
  ) "crossover_units",
  cast(
    sum("exposed_units"."invalid_rows")
    as bigint
  ) "invalid_exposures",
  cast(
    sum("exposed_units"."exposure_rows")
    as bigint
  ) "exposure_rows",
  0 "recent_units"
from (
  select
    "x"."unit_id" "unit_id",
    min(cast("x"."variant" as varchar)) filter (where (
      cast("x"."variant" as varchar) is not null
      and cast("x"."variant" as varchar) in (
        'control', 'treatment'
      )
    )) "first_variant",
    max(cast("x"."variant" as varchar)) filter (where (
      cast("x"."variant" as varchar) is not null
      and cast("x"."variant" as varchar) in (
        'control', 'treatment'
      )
    )) "last_variant",
    min("x"."exposed_at") filter (where (
      cast("x"."variant" as varchar) is not null
      and cast("x"."variant" as varchar) in (
        'control', 'treatment'
      )
    )) "first_exposed_at",
    cast(
      count(*) filter (where not (
        cast("x"."variant" as varchar) is not null
        and cast("x"."variant" as varchar) in (
          'control', 'treatment'
        )
      ))
      as bigint
    ) "invalid_rows",
    cast(
      count(*)
      as bigint
    ) "exposure_rows"
  from "exposures" "x"
  where (
    cast("x"."experiment_id" as varchar) = 'exp_t'
    and "x"."unit_id" is not null
    and cast("x"."unit_id" as varchar) <> ''
    and "x"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
    and "x"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
  )
  group by "x"."unit_id"
) "exposed_units"
group by
  case
    when "exposed_units"."first_variant" = "exposed_units"."last_variant" then "exposed_units"."first_variant"
  end
