with
  "exposed_units" as (
    select
      "unit_id",
      min("variant") filter (where (
        "variant" is not null
        and "variant" in (
          'control', 'treatment'
        )
      )) "first_variant",
      max("variant") filter (where (
        "variant" is not null
        and "variant" in (
          'control', 'treatment'
        )
      )) "last_variant",
      cast(
        count(*) filter (where not (
          "variant" is not null
          and "variant" in (
            'control', 'treatment'
          )
        ))
        as bigint
      ) "invalid_rows"
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
  end "variant",
  cast(
    count(*) filter (where "first_variant" = "last_variant")
    as bigint
  ) "units",
  cast(
    count(*) filter (where "first_variant" <> "last_variant")
    as bigint
  ) "crossover_units",
  cast(
    sum("invalid_rows")
    as bigint
  ) "invalid_exposures"
from "exposed_units"
group by
  case
    when "first_variant" = "last_variant" then "first_variant"
  end
