select
  "daily"."day",
  "daily"."variant",
  "daily"."units",
  "daily"."crossover_units",
  "daily"."invalid_exposures"
from (
  select
    cast("exposed_units"."first_exposed_at" as date) "day",
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
    cast(0 as bigint) "invalid_exposures"
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
  where "exposed_units"."first_exposed_at" is not null
  group by
    cast("exposed_units"."first_exposed_at" as date),
    case
      when "exposed_units"."first_variant" = "exposed_units"."last_variant" then "exposed_units"."first_variant"
    end
  union all
  select
    "invalid_per_day"."day" "day",
    cast(null as varchar) "variant",
    cast(0 as bigint) "units",
    cast(0 as bigint) "crossover_units",
    "invalid_per_day"."invalid_exposures" "invalid_exposures"
  from (
    select
      cast("x"."exposed_at" as date) "day",
      cast(
        count(*)
        as bigint
      ) "invalid_exposures"
    from "exposures" "x"
    where (
      cast("x"."experiment_id" as varchar) = 'exp_t'
      and "x"."unit_id" is not null
      and cast("x"."unit_id" as varchar) <> ''
      and "x"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
      and "x"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
      and not (
        cast("x"."variant" as varchar) is not null
        and cast("x"."variant" as varchar) in (
          'control', 'treatment'
        )
      )
    )
    group by cast("x"."exposed_at" as date)
  ) "invalid_per_day"
) "daily"
