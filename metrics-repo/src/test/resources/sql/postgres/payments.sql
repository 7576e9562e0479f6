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
  ),
  "unit_totals" as (
    select
      "units"."unit_id",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."paid_at" >= "units"."first_exposed_at"
                and "e"."paid_at" < ("units"."first_exposed_at" + 28 * interval '1 day')
              ) then cast("e"."amount" as double precision)
            end
          )
          as double precision
        ),
        cast(0E0 as double precision)
      ) as "revenue_per_member"
    from "units"
      join "payments" as "e"
        on (
          "e"."unit_id" = "units"."unit_id"
          and "e"."paid_at" >= "units"."first_exposed_at"
          and "e"."paid_at" < ("units"."first_exposed_at" + 28 * interval '1 day')
        )
    group by "units"."unit_id"
  ),
  "per_unit" as (
    select
      "units"."unit_id",
      "units"."variant",
      "units"."first_exposed_at",
      "units"."segment",
      coalesce("unit_totals"."revenue_per_member", cast(0E0 as double precision)) as "revenue_per_member"
    from "units"
      left outer join "unit_totals"
        on "unit_totals"."unit_id" = "units"."unit_id"
  )
select
  "per_unit"."segment" as "segment",
  "per_unit"."variant" as "variant",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-02-11 00:00:00.0')
    as bigint
  ) as "revenue_per_member__n",
  cast(
    sum("per_unit"."revenue_per_member") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-02-11 00:00:00.0')
    as double precision
  ) as "revenue_per_member__sum",
  cast(
    sum(("per_unit"."revenue_per_member" * "per_unit"."revenue_per_member")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-02-11 00:00:00.0')
    as double precision
  ) as "revenue_per_member__sum_squares"
from "per_unit"
group by "per_unit"."segment", "per_unit"."variant"
