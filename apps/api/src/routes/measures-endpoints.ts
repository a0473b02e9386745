/**
 * The routes of local measures, pledges and young people's voice (issue 15), as data in the shape of `endpoints.ts`
 * (which spreads them into its table, so OpenAPI and the authorization matrix see them like every other route).
 */
import {
  Audience,
  Benchmark,
  CalendarDate,
  Council,
  LocalMeasure,
  MeasureValue,
  Pledge,
  Target,
  Voice
} from "@cpo/domain"
import { Schema } from "effect"
import { CouncilPath, type Endpoint, noBody, YearParam } from "../endpoint-model.ts"

/** @category schemas */
export const MeasurePath = Schema.Struct({ council: Council.CouncilId, measure: LocalMeasure.MeasureId })

/** @category schemas */
export const PledgePath = Schema.Struct({ council: Council.CouncilId, pledge: Pledge.PledgeId })

/** @category schemas */
export const MeasuresQuery = Schema.Struct({
  year: YearParam,
  asOf: Schema.optionalKey(
    CalendarDate.CalendarDate.annotate({ description: "take the year to date on this day (default 31 March)" })
  ),
  audience: Schema.optionalKey(Audience.Audience)
})

/** A definition as sent: its council is the path's. @category schemas */
export const NewMeasure = LocalMeasure.Definition.mapFields(({ council: _council, ...rest }) => rest).annotate({
  identifier: "NewMeasure"
})

/** @category schemas */
export const MeasureValues = Schema.Struct({
  values: Schema.Array(MeasureValue.Value),
  targets: Schema.optionalKey(Schema.Array(Target.Target)),
  benchmarks: Schema.optionalKey(Schema.Array(Benchmark.Benchmark))
}).annotate({ identifier: "MeasureValues" })

/** @category schemas */
export const Recorded = Schema.Struct({ recorded: Schema.Int }).annotate({ identifier: "Recorded" })

/** @category schemas */
export const PledgesQuery = Schema.Struct({
  asOf: Schema.optionalKey(CalendarDate.CalendarDate.annotate({ description: "the day for status (default today)" }))
})

/** The pledges as published next to the local offer: plain words only. @category schemas */
export const PublishedPledges = Schema.Struct({
  asOf: CalendarDate.CalendarDate,
  pledges: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      promise: Schema.String,
      meaning: Schema.String,
      status: Schema.String,
      lastReviewedWithChildren: Schema.NullOr(CalendarDate.CalendarDate)
    })
  )
}).annotate({ identifier: "PublishedPledges" })

/** A pledge as sent: its council is the path's and its reviews are added one by one. @category schemas */
export const NewPledge = Pledge.Pledge.mapFields(({ council: _council, reviews: _reviews, ...rest }) => rest).annotate({
  identifier: "NewPledge"
})

/** @category schemas */
export const VoiceQuery = Schema.Struct({
  audience: Schema.optionalKey(Audience.Audience),
  from: Schema.optionalKey(CalendarDate.CalendarDate),
  to: Schema.optionalKey(CalendarDate.CalendarDate)
})

/** A theme as sent: its council is the path's. @category schemas */
export const NewTheme = Voice.Theme.mapFields(({ council: _council, ...rest }) => rest).annotate({
  identifier: "NewVoiceTheme"
})

/** @category models */
export const measuresEndpoints = {
  measures: {
    method: "get",
    path: "/v1/councils/:council/measures",
    summary:
      "The council's local measures for a year: year to date, latest period, rolling 12 months, target, RAG, trend; suppressed for members and the public",
    tag: "measures",
    params: CouncilPath,
    query: MeasuresQuery,
    body: noBody,
    response: LocalMeasure.View,
    status: 200
  },
  defineMeasure: {
    method: "post",
    path: "/v1/councils/:council/measures",
    summary: "Define a local measure (create or replace by id; never a 903 indicator's id)",
    tag: "measures",
    params: CouncilPath,
    body: { kind: "json", schema: NewMeasure },
    response: LocalMeasure.Definition,
    status: 201
  },
  measureValues: {
    method: "get",
    path: "/v1/councils/:council/measures/:measure/values",
    summary: "The exact figures recorded for a local measure, by period",
    tag: "measures",
    params: MeasurePath,
    body: noBody,
    response: MeasureValues,
    status: 200
  },
  recordMeasureValues: {
    method: "post",
    path: "/v1/councils/:council/measures/values",
    summary: "Record figures (a period already held is replaced), and optionally targets and benchmarks",
    tag: "measures",
    params: CouncilPath,
    body: { kind: "json", schema: MeasureValues },
    response: Recorded,
    status: 201
  },
  pledges: {
    method: "get",
    path: "/v1/councils/:council/pledges",
    summary: "The pledges with their owner, status on `asOf`, last review with children and evidence followed",
    tag: "pledges",
    params: CouncilPath,
    query: PledgesQuery,
    body: noBody,
    response: Pledge.View,
    status: 200
  },
  publishedPledges: {
    method: "get",
    path: "/v1/councils/:council/pledges/published",
    summary: "The pledges in plain words with whether they are kept, as published next to the local offer",
    tag: "pledges",
    params: CouncilPath,
    query: PledgesQuery,
    body: noBody,
    response: PublishedPledges,
    status: 200
  },
  savePledge: {
    method: "post",
    path: "/v1/councils/:council/pledges",
    summary: "Keep a pledge (create or replace by id); every evidence link must lead to a record held",
    tag: "pledges",
    params: CouncilPath,
    body: { kind: "json", schema: NewPledge },
    response: Pledge.Pledge,
    status: 201
  },
  reviewPledge: {
    method: "post",
    path: "/v1/councils/:council/pledges/:pledge/reviews",
    summary: "Record a dated review of a pledge: kept, partly kept or not yet kept, and who it was reviewed with",
    tag: "pledges",
    params: PledgePath,
    body: { kind: "json", schema: Pledge.Review },
    response: Pledge.Pledge,
    status: 201
  },
  voice: {
    method: "get",
    path: "/v1/councils/:council/voice",
    summary: "Themes raised by children in care and care leavers; counts of 1 to 5 suppressed for members",
    tag: "pledges",
    params: CouncilPath,
    query: VoiceQuery,
    body: noBody,
    response: Voice.View,
    status: 200
  },
  recordTheme: {
    method: "post",
    path: "/v1/councils/:council/voice",
    summary: "Record a theme young people raised (about the group: no name, no child id)",
    tag: "pledges",
    params: CouncilPath,
    body: { kind: "json", schema: NewTheme },
    response: Voice.Theme,
    status: 201
  }
} as const satisfies Record<string, Endpoint>
