with
  "exposed_units" as (
    select
      "unit_id",
      min("variant") filter (where (
        "variant" is not null
        and "variant" in (
          'control', 'treatment'
        )
      )) as "first_variant",
      max("variant") filter (where (
        "variant" is not null
        and "variant" in (
          'control', 'treatment'
        )
      )) as "last_variant",
      cast(
        count(*) filter (where not (
          "variant" is not null
          and "variant" in (
            'control', 'treatment'
          )
        ))
        as bigint
      ) as "invalid_rows"
    from "exposures"
    where (
      "exposures"."experiment_id" = 'exp_t'
      and "exposures"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
      and "exposures"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
    )
    group by "unit_id"
  )
select
  case
    when "first_variant" = "last_variant" then "first_variant"
  end as "variant",
  cast(
    count(*) filter (where "first_variant" = "last_variant")
    as bigint
  ) as "units",
  cast(
    count(*) filter (where "first_variant" <> "last_variant")
    as bigint
  ) as "crossover_units",
  cast(
    sum("invalid_rows")
    as bigint
  ) as "invalid_exposures"
from "exposed_units"
group by
  case
    when "first_variant" = "last_variant" then "first_variant"
  end
