with
  "exposed_units" as (
    select
      "unit_id",
      cast(
        count(distinct "variant") filter (where (
          "variant" is not null
          and "variant" in (
            'control', 'treatment'
          )
        ))
        as bigint
      ) as "valid_variants",
      min("variant") filter (where (
        "variant" is not null
        and "variant" in (
          'control', 'treatment'
        )
      )) as "sole_variant",
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
    when "valid_variants" = 1 then "sole_variant"
  end as "variant",
  cast(
    count(*) filter (where "valid_variants" = 1)
    as bigint
  ) as "units",
  cast(
    count(*) filter (where "valid_variants" > 1)
    as bigint
  ) as "crossover_units",
  cast(
    sum("invalid_rows")
    as bigint
  ) as "invalid_exposures"
from "exposed_units"
group by
  case
    when "valid_variants" = 1 then "sole_variant"
  end
