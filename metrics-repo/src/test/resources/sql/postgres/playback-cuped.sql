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
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
              ) then cast(
                ("e"."watch_seconds" / cast(3.6E3 as double precision))
                as double precision
              )
            end
          )
          as double precision
        ),
        cast(0E0 as double precision)
      ) as "streaming_hours",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= ("units"."first_exposed_at" + -14 * interval '1 day')
                and "e"."started_at" < "units"."first_exposed_at"
              ) then cast(
                ("e"."watch_seconds" / cast(3.6E3 as double precision))
                as double precision
              )
            end
          )
          as double precision
        ),
        cast(0E0 as double precision)
      ) as "streaming_hours__x",
      cast(
        count(*) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
        ))
        as double precision
      ) as "plays_per_member",
      cast(
        count(*) filter (where (
          "e"."started_at" >= ("units"."first_exposed_at" + -14 * interval '1 day')
          and "e"."started_at" < "units"."first_exposed_at"
        ))
        as double precision
      ) as "plays_per_member__x",
      cast(
        count(distinct cast("e"."started_at" as date)) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
        ))
        as double precision
      ) as "active_days",
      cast(
        count(distinct cast("e"."started_at" as date)) filter (where (
          "e"."started_at" >= ("units"."first_exposed_at" + -14 * interval '1 day')
          and "e"."started_at" < "units"."first_exposed_at"
        ))
        as double precision
      ) as "active_days__x",
      case
        when count(*) filter (where (
          "e"."started_at" >= "units"."first_exposed_at"
          and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
        )) > 0 then cast(1E0 as double precision)
        else cast(0E0 as double precision)
      end as "play_rate",
      case
        when count(*) filter (where (
          "e"."started_at" >= ("units"."first_exposed_at" + -14 * interval '1 day')
          and "e"."started_at" < "units"."first_exposed_at"
        )) > 0 then cast(1E0 as double precision)
        else cast(0E0 as double precision)
      end as "play_rate__x",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
              ) then cast("e"."rebuffers" as double precision)
            end
          )
          as double precision
        ),
        cast(0E0 as double precision)
      ) as "rebuffer_rate__num",
      coalesce(
        cast(
          sum(
            case
              when (
                "e"."started_at" >= "units"."first_exposed_at"
                and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
              ) then cast(
                ("e"."watch_seconds" / cast(3.6E3 as double precision))
                as double precision
              )
            end
          )
          as double precision
        ),
        cast(0E0 as double precision)
      ) as "rebuffer_rate__den"
    from "units"
      join "playback" as "e"
        on (
          "e"."unit_id" = "units"."unit_id"
          and "e"."started_at" >= ("units"."first_exposed_at" + -14 * interval '1 day')
          and "e"."started_at" < ("units"."first_exposed_at" + 7 * interval '1 day')
        )
    group by "units"."unit_id"
  ),
  "per_unit" as (
    select
      "units"."unit_id",
      "units"."variant",
      "units"."first_exposed_at",
      "units"."segment",
      coalesce("unit_totals"."streaming_hours", cast(0E0 as double precision)) as "streaming_hours",
      coalesce("unit_totals"."streaming_hours__x", cast(0E0 as double precision)) as "streaming_hours__x",
      coalesce("unit_totals"."plays_per_member", cast(0E0 as double precision)) as "plays_per_member",
      coalesce("unit_totals"."plays_per_member__x", cast(0E0 as double precision)) as "plays_per_member__x",
      coalesce("unit_totals"."active_days", cast(0E0 as double precision)) as "active_days",
      coalesce("unit_totals"."active_days__x", cast(0E0 as double precision)) as "active_days__x",
      coalesce("unit_totals"."play_rate", cast(0E0 as double precision)) as "play_rate",
      coalesce("unit_totals"."play_rate__x", cast(0E0 as double precision)) as "play_rate__x",
      coalesce("unit_totals"."rebuffer_rate__num", cast(0E0 as double precision)) as "rebuffer_rate__num",
      coalesce("unit_totals"."rebuffer_rate__den", cast(0E0 as double precision)) as "rebuffer_rate__den"
    from "units"
      left outer join "unit_totals"
        on "unit_totals"."unit_id" = "units"."unit_id"
  )
select
  "per_unit"."segment" as "segment",
  "per_unit"."variant" as "variant",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) as "streaming_hours__n",
  cast(
    sum("per_unit"."streaming_hours") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "streaming_hours__sum",
  cast(
    sum(("per_unit"."streaming_hours" * "per_unit"."streaming_hours")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "streaming_hours__sum_squares",
  cast(
    sum("per_unit"."streaming_hours__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "streaming_hours__x_sum",
  cast(
    sum(("per_unit"."streaming_hours__x" * "per_unit"."streaming_hours__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "streaming_hours__x_sum_squares",
  cast(
    sum(("per_unit"."streaming_hours__x" * "per_unit"."streaming_hours")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "streaming_hours__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) as "plays_per_member__n",
  cast(
    sum("per_unit"."plays_per_member") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "plays_per_member__sum",
  cast(
    sum(("per_unit"."plays_per_member" * "per_unit"."plays_per_member")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "plays_per_member__sum_squares",
  cast(
    sum("per_unit"."plays_per_member__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "plays_per_member__x_sum",
  cast(
    sum(("per_unit"."plays_per_member__x" * "per_unit"."plays_per_member__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "plays_per_member__x_sum_squares",
  cast(
    sum(("per_unit"."plays_per_member__x" * "per_unit"."plays_per_member")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "plays_per_member__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) as "active_days__n",
  cast(
    sum("per_unit"."active_days") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "active_days__sum",
  cast(
    sum(("per_unit"."active_days" * "per_unit"."active_days")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "active_days__sum_squares",
  cast(
    sum("per_unit"."active_days__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "active_days__x_sum",
  cast(
    sum(("per_unit"."active_days__x" * "per_unit"."active_days__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "active_days__x_sum_squares",
  cast(
    sum(("per_unit"."active_days__x" * "per_unit"."active_days")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "active_days__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) as "play_rate__n",
  cast(
    sum("per_unit"."play_rate") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "play_rate__sum",
  cast(
    sum(("per_unit"."play_rate" * "per_unit"."play_rate")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "play_rate__sum_squares",
  cast(
    sum("per_unit"."play_rate__x") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "play_rate__x_sum",
  cast(
    sum(("per_unit"."play_rate__x" * "per_unit"."play_rate__x")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "play_rate__x_sum_squares",
  cast(
    sum(("per_unit"."play_rate__x" * "per_unit"."play_rate")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "play_rate__xy_sum",
  cast(
    count(*) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as bigint
  ) as "rebuffer_rate__n",
  cast(
    sum("per_unit"."rebuffer_rate__num") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "rebuffer_rate__num_sum",
  cast(
    sum(("per_unit"."rebuffer_rate__num" * "per_unit"."rebuffer_rate__num")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "rebuffer_rate__num_sum_squares",
  cast(
    sum("per_unit"."rebuffer_rate__den") filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "rebuffer_rate__den_sum",
  cast(
    sum(("per_unit"."rebuffer_rate__den" * "per_unit"."rebuffer_rate__den")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "rebuffer_rate__den_sum_squares",
  cast(
    sum(("per_unit"."rebuffer_rate__num" * "per_unit"."rebuffer_rate__den")) filter (where "per_unit"."first_exposed_at" <= timestamp '2026-03-04 00:00:00.0')
    as double precision
  ) as "rebuffer_rate__num_den_sum"
from "per_unit"
group by "per_unit"."segment", "per_unit"."variant"
