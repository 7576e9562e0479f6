with
  "units"("unit_id", "variant", "first_exposed_at", "segment") as (
    select "exposed_units"."unit_id", "exposed_units"."first_variant", "exposed_units"."first_exposed_at", 'all'
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
    where "exposed_units"."first_variant" = "exposed_units"."last_variant"
  ),
  "per_unit_step" as (
    select
      "units"."unit_id",
      "units"."variant",
      "steps"."step",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * 7)
                and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * ("steps"."step" + 0))
              ) then cast(
                ("e"."watch_seconds" / 3.6E3)
                as double
              )
            end
          )
          as double
        ),
        0E0
      ) "streaming_hours"
    from "units"
      join (
        values
          (1),
          (2),
          (3),
          (4),
          (5),
          (6),
          (7)
      ) "steps" ("step")
        on date_add("units"."first_exposed_at", interval 1 day * ("steps"."step" + 0)) <= timestamp '2026-03-11 00:00:00.0'
      left outer join "playback" "e"
        on (
          "e"."unit_id" = "units"."unit_id"
          and "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * 7)
          and "e"."started_at" < date_add("units"."first_exposed_at", interval 1 day * ("steps"."step" + 0))
        )
    group by "units"."unit_id", "units"."variant", "steps"."step"
  )
select
  "per_unit_step"."step" "step",
  "per_unit_step"."variant" "variant",
  cast(
    count(*)
    as bigint
  ) "streaming_hours__n",
  cast(
    sum("per_unit_step"."streaming_hours")
    as double
  ) "streaming_hours__sum",
  cast(
    sum(("per_unit_step"."streaming_hours" * "per_unit_step"."streaming_hours"))
    as double
  ) "streaming_hours__sum_squares"
from "per_unit_step"
group by "per_unit_step"."step", "per_unit_step"."variant"
