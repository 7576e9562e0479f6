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
  "unit_totals" as (
    select
      "units"."unit_id",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
              ) then cast(
                ("e"."watch_seconds" / 3.6E3)
                as double
              )
            end
          )
          as double
        ),
        0E0
      ) "streaming_hours",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= date_add('day', -14, "units"."first_exposed_at")
                and "e"."started_at" < "units"."first_exposed_at"
              ) then cast(
                ("e"."watch_seconds" / 3.6E3)
                as double
              )
            end
          )
          as double
        ),
        0E0
      ) "streaming_hours__x",
      cast(
        count(*) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
        ))
        as double
      ) "plays_per_member",
      cast(
        count(*) filter (where (
          "e"."started_at" >= date_add('day', -14, "units"."first_exposed_at")
          and "e"."started_at" < "units"."first_exposed_at"
        ))
        as double
      ) "plays_per_member__x",
      cast(
        count(distinct cast("e"."started_at" as date)) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
        ))
        as double
      ) "active_days",
      cast(
        count(distinct cast("e"."started_at" as date)) filter (where (
          "e"."started_at" >= date_add('day', -14, "units"."first_exposed_at")
          and "e"."started_at" < "units"."first_exposed_at"
        ))
        as double
      ) "active_days__x",
      case
        when count(*) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
        )) > 0 then 1E0
        else 0E0
      end "play_rate",
      case
        when count(*) filter (where (
          "e"."started_at" >= date_add('day', -14, "units"."first_exposed_at")
          and "e"."started_at" < "units"."first_exposed_at"
        )) > 0 then 1E0
        else 0E0
      end "play_rate__x",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
              ) then cast("e"."rebuffers" as double)
            end
          )
          as double
        ),
        0E0
      ) "rebuffer_rate__num",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
              ) then cast(
                ("e"."watch_seconds" / 3.6E3)
                as double
              )
            end
          )
          as double
        ),
        0E0
      ) "rebuffer_rate__den"
    from "units"
      join "playback" "e"
        on (
          "e"."unit_id" = "units"."unit_id"
          and "e"."started_at" >= date_add('day', -14, "units"."first_exposed_at")
          and "e"."started_at" < date_add('day', 7, "units"."first_exposed_at")
        )
    group by "units"."unit_id"
  ),
  "per_unit" as (
    select
      "units"."unit_id",
      "units"."variant",
      "units"."first_exposed_at",
      "units"."segment",
      coalesce("unit_totals"."streaming_hours", 0E0) "streaming_hours",
      coalesce("unit_totals"."streaming_hours__x", 0E0) "streaming_hours__x",
      coalesce("unit_totals"."plays_per_member", 0E0) "plays_per_member",
      coalesce("unit_totals"."plays_per_member__x", 0E0) "plays_per_member__x",
      coalesce("unit_totals"."active_days", 0E0) "active_days",
      coalesce("unit_totals"."active_days__x", 0E0) "active_days__x",
      coalesce("unit_totals"."play_rate", 0E0) "play_rate",
      coalesce("unit_totals"."play_rate__x", 0E0) "play_rate__x",
      coalesce("unit_totals"."rebuffer_rate__num", 0E0) "rebuffer_rate__num",
      coalesce("unit_totals"."rebuffer_rate__den", 0E0) "rebuffer_rate__den"
    from "units"
      left outer join "unit_totals"
        on "unit_totals"."unit_id" = "units"."unit_id"
  )
select
  "per_unit"."segment" "segment",
  "per_unit"."variant" "variant",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) "streaming_hours__n",
  cast(
    sum("per_unit"."streaming_hours") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "streaming_hours__sum",
  cast(
    sum(("per_unit"."streaming_hours" * "per_unit"."streaming_hours")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "streaming_hours__sum_squares",
  cast(
    sum("per_unit"."streaming_hours__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "streaming_hours__x_sum",
  cast(
    sum(("per_unit"."streaming_hours__x" * "per_unit"."streaming_hours__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "streaming_hours__x_sum_squares",
  cast(
    sum(("per_unit"."streaming_hours__x" * "per_unit"."streaming_hours")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "streaming_hours__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) "plays_per_member__n",
  cast(
    sum("per_unit"."plays_per_member") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "plays_per_member__sum",
  cast(
    sum(("per_unit"."plays_per_member" * "per_unit"."plays_per_member")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "plays_per_member__sum_squares",
  cast(
    sum("per_unit"."plays_per_member__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "plays_per_member__x_sum",
  cast(
    sum(("per_unit"."plays_per_member__x" * "per_unit"."plays_per_member__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "plays_per_member__x_sum_squares",
  cast(
    sum(("per_unit"."plays_per_member__x" * "per_unit"."plays_per_member")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "plays_per_member__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) "active_days__n",
  cast(
    sum("per_unit"."active_days") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "active_days__sum",
  cast(
    sum(("per_unit"."active_days" * "per_unit"."active_days")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "active_days__sum_squares",
  cast(
    sum("per_unit"."active_days__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "active_days__x_sum",
  cast(
    sum(("per_unit"."active_days__x" * "per_unit"."active_days__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "active_days__x_sum_squares",
  cast(
    sum(("per_unit"."active_days__x" * "per_unit"."active_days")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "active_days__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) "play_rate__n",
  cast(
    sum("per_unit"."play_rate") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "play_rate__sum",
  cast(
    sum(("per_unit"."play_rate" * "per_unit"."play_rate")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "play_rate__sum_squares",
  cast(
    sum("per_unit"."play_rate__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "play_rate__x_sum",
  cast(
    sum(("per_unit"."play_rate__x" * "per_unit"."play_rate__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "play_rate__x_sum_squares",
  cast(
    sum(("per_unit"."play_rate__x" * "per_unit"."play_rate")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "play_rate__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) "rebuffer_rate__n",
  cast(
    sum("per_unit"."rebuffer_rate__num") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "rebuffer_rate__num_sum",
  cast(
    sum(("per_unit"."rebuffer_rate__num" * "per_unit"."rebuffer_rate__num")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "rebuffer_rate__num_sum_squares",
  cast(
    sum("per_unit"."rebuffer_rate__den") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "rebuffer_rate__den_sum",
  cast(
    sum(("per_unit"."rebuffer_rate__den" * "per_unit"."rebuffer_rate__den")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "rebuffer_rate__den_sum_squares",
  cast(
    sum(("per_unit"."rebuffer_rate__num" * "per_unit"."rebuffer_rate__den")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double
  ) "rebuffer_rate__num_den_sum"
from "per_unit"
group by "per_unit"."segment", "per_unit"."variant"
