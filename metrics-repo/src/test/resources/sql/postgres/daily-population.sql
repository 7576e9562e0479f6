select
  "daily"."day",
  "daily"."variant",
  "daily"."units",
  "daily"."crossover_units",
  "daily"."invalid_exposures"
from (
  select
    cast("exposed_units"."first_exposed_at" as date) as "day",
    case
      when "exposed_units"."first_variant" = "exposed_units"."last_variant" then "exposed_units"."first_variant"
    end as "variant",
    cast(
      count(*) filter (where "exposed_units"."first_variant" = "exposed_units"."last_variant")
      as bigint
    ) as "units",
    cast(
      count(*) filter (where "exposed_units"."first_variant" <> "exposed_units"."last_variant")
      as bigint
    ) as "crossover_units",
    cast(0 as bigint) as "invalid_exposures"
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
  where "exposed_units"."first_exposed_at" is not null
  group by
    cast("exposed_units"."first_exposed_at" as date),
    case
      when "exposed_units"."first_variant" = "exposed_units"."last_variant" then "exposed_units"."first_variant"
    end
  union all
  select
    "invalid_per_day"."day" as "day",
    cast(null as varchar) as "variant",
    cast(0 as bigint) as "units",
    cast(0 as bigint) as "crossover_units",
    "invalid_per_day"."invalid_exposures" as "invalid_exposures"
  from (
    select
      cast("x"."exposed_at" as date) as "day",
      cast(
        count(*)
        as bigint
      ) as "invalid_exposures"
    from "exposures" as "x"
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
  ) as "invalid_per_day"
) as "daily"
