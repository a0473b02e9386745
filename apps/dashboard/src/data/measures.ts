/**
 * The council's local measures through the API (`GET …/measures?year=`): each measure as the scorecard publishes it
 * for the caller's audience — year to date, latest period, rolling twelve months, target, RAG, direction and trend —
 * and the ready-made measures not yet switched on; and recording one period's figure (`POST …/measures/values`,
 * officers and analysts).
 */
import * as Audience from "@cpo/domain/Audience"
import type * as MeasureValue from "@cpo/domain/MeasureValue"
import * as Scorecard from "@cpo/domain/Scorecard"
import { Schema } from "effect"
import { getJson, sendJson } from "./api.ts"

/** @category models */
export const MeasuresView = Schema.Struct({
  council: Schema.String,
  year: Schema.Int,
  audience: Audience.Audience,
  measures: Schema.Array(Scorecard.LocalEntry),
  templates: Schema.Array(Schema.Struct({ id: Schema.String, title: Schema.String, frequency: Schema.String }))
})
export type MeasuresView = typeof MeasuresView.Type

const base = (council: string) => `/v1/councils/${encodeURIComponent(council)}/measures`

/** @category constructors */
export const fetchMeasures = (council: string, year: number): Promise<MeasuresView> =>
  getJson(`${base(council)}?year=${year}`, MeasuresView)

/** Record one period's figure. @category constructors */
export const recordFigure = (council: string, value: MeasureValue.Value): Promise<{ readonly recorded: number }> =>
  sendJson(`${base(council)}/values`, { values: [value] }, Schema.Struct({ recorded: Schema.Int }))
