/**
 * The council's pledges and young people's voice through the API: each pledge with its status, last review with the
 * Children in Care Council and its evidence followed (`GET …/pledges`), any evidence that leads nowhere, the themes
 * young people raised for the caller's audience (`GET …/voice`), and recording a dated review of a pledge
 * (`POST …/pledges/:pledge/reviews`, officers and administrators).
 */
import * as Audience from "@cpo/domain/Audience"
import * as CalendarDate from "@cpo/domain/CalendarDate"
import * as Pledge from "@cpo/domain/Pledge"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/** One pledge as the pledges page shows it. @category models */
export type PledgeRow = Pledge.View["pledges"][number]

/** @category models */
export const VoiceView = Schema.Struct({
  audience: Audience.Audience,
  themes: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      on: CalendarDate.CalendarDate,
      source: Schema.String,
      theme: Schema.String,
      summary: Schema.String,
      raisedBy: Schema.NullOr(Schema.Union([Schema.Number, Schema.Literal("c")])),
      priorities: Schema.Array(Schema.String),
      pledges: Schema.Array(Schema.String),
      actions: Schema.Array(Schema.String)
    })
  ),
  tally: Schema.Array(Schema.Struct({ theme: Schema.String, times: Schema.Int }))
})
export type VoiceView = typeof VoiceView.Type

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}`

/** @category constructors */
export const fetchPledges = (council: string, asOf: string): Promise<Pledge.View> =>
  getJson(`${base(council)}/pledges?asOf=${encodeURIComponent(asOf)}`, Pledge.View)

/** @category constructors */
export const fetchVoice = (council: string): Promise<VoiceView> => getJson(`${base(council)}/voice`, VoiceView)

/** Record a dated review of a pledge. @category constructors */
export const reviewPledge = (council: string, pledge: string, review: Pledge.Review): Promise<Pledge.Pledge> =>
  sendJson(
    `${base(council)}/pledges/${encodeURIComponent(pledge)}/reviews`,
    Schema.encodeSync(Pledge.Review)(review),
    Pledge.Pledge
  )
