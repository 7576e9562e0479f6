with
  "units"("unit_id", "variant", "first_exposed_at", "segment") as (
    select
      "exposed_units"."unit_id",
      "exposed_units"."first_variant",
      "exposed_units"."first_exposed_at",
      (coalesce(
        min(cast("m"."country" as varchar)),
        'unknown'
      ) || ' × ' || coalesce(
        min(cast("m"."device" as varchar)),
        'unknown'
      ))
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
      left outer join (select * from (values (1, 'DE', 'mobile'), (3, 'DE', 'tv'), (2, 'FR', 'mobile'), (6, 'DE', cast(null as varchar))) as t (unit_id, country, device)) "m"
        on "m"."unit_id" = "exposed_units"."unit_id"
    where "exposed_units"."first_variant" = "exposed_units"."last_variant"
    group by "exposed_units"."unit_id", "exposed_units"."first_variant", "exposed_units"."first_exposed_at"
  ),
  "unit_totals" as (
    select
      "units"."unit_id",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * 7)
              ) then cast(
                ("e"."watch_seconds" / 3.6E3)
                as double
              )
            end
          )
          as double
        ),
        0E0
      ) "german_hours"
    from "units"
      join "playback" "e"
        on (
          "e"."unit_id" = "units"."unit_id"
          and "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * 7)
        )
    group by "units"."unit_id"
  ),
  "unit_attributes" as (
    select
      "units"."unit_id",
      min("m"."country") "country"
    from "units"
      left outer join (select * from (values (1, 'DE', 'mobile'), (3, 'DE', 'tv'), (2, 'FR', 'mobile'), (6, 'DE', cast(null as varchar))) as t (unit_id, country, device)) "m"
        on "m"."unit_id" = "units"."unit_id"
    group by "units"."unit_id"
  ),
  "per_unit" as (
    select
      "units"."unit_id",
      "units"."variant",
      "units"."first_exposed_at",
      "units"."segment",
      coalesce("unit_totals"."german_hours", 0E0) "german_hours",
      case
        when "unit_attributes"."country" = 'DE' then 1
        else 0
      end "german_hours__kept"
    from "units"
      left outer join "unit_totals"
        on "unit_totals"."unit_id" = "units"."unit_id"
      left outer join "unit_attributes"
        on "unit_attributes"."unit_id" = "units"."unit_id"
  ),
  "caps" as (
    select
      quantile_cont(cast("per_unit"."german_hours" as double), 2.5E-1) filter (where (
        "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
        and "per_unit"."german_hours__kept" = 1
      )) "german_hours__lower",
      quantile_cont(cast("per_unit"."german_hours" as double), 7.5E-1) filter (where (
        "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
        and "per_unit"."german_hours__kept" = 1
      )) "german_hours__upper"
    from "per_unit"
  )
select
  "per_unit"."segment" "segment",
  "per_unit"."variant" "variant",
  cast(
    count(*) filter (where "per_unit"."german_hours__kept" = 0)
    as bigint
  ) "german_hours__filtered_out",
  cast(
    count(*) filter (where (
      "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
      and "per_unit"."german_hours__kept" = 1
    ))
    as bigint
  ) "german_hours__n",
  max("caps"."german_hours__lower") "german_hours__cap_lower",
  max("caps"."german_hours__upper") "german_hours__cap_upper",
  cast(
    sum(least(
      greatest("per_unit"."german_hours", "caps"."german_hours__lower"),
      "caps"."german_hours__upper"
    )) filter (where (
      "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
      and "per_unit"."german_hours__kept" = 1
    ))
    as double
  ) "german_hours__sum",
  cast(
    sum((least(
      greatest("per_unit"."german_hours", "caps"."german_hours__lower"),
      "caps"."german_hours__upper"
    ) * least(
      greatest("per_unit"."german_hours", "caps"."german_hours__lower"),
      "caps"."german_hours__upper"
    ))) filter (where (
      "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0'
      and "per_unit"."german_hours__kept" = 1
    ))
    as double
  ) "german_hours__sum_squares"
from "per_unit"
  cross join "caps"
group by "per_unit"."segment", "per_unit"."variant"
