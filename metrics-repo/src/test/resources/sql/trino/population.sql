with
  "exposed_units" as (
    select
      "x"."unit_id",
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
      cast(
        count(*) filter (where not (
          cast("x"."variant" as varchar) is not null
          and cast("x"."variant" as varchar) in (
            'control', 'treatment'
          )
        ))
        as bigint
      ) "invalid_rows"
    from "exposures" "x"
    where (
      cast("x"."experiment_id" as varchar) = 'exp_t'
      and "x"."exposed_at" >= timestamp '2026-03-01 00:00:00.0'
      and "x"."exposed_at" < timestamp '2026-03-11 00:00:00.0'
    )
    group by "x"."unit_id"
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
