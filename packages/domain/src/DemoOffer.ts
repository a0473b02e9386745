/**
 * A fictional council's discretionary offer for demos, tests and seed data: the kinds of items real English offers
 * publish (domain.md §1.4 — council tax relief, deposits, birthday and festival money, ID, driving lessons, HE
 * living costs, leisure passes, money skills…), with their rules as data. Amounts and ages follow the published
 * examples cited there; the council, its decisions and its dates are made up. Together with the national catalogue
 * it covers all seven offer areas.
 */
import { Schema } from "effect"
import type * as Eligibility from "./Eligibility.ts"
import * as Entitlement from "./Entitlement.ts"
import * as NationalEntitlements from "./NationalEntitlements.ts"
import type { OfferArea } from "./OfferArea.ts"

type Encoded = typeof Entitlement.Entitlement.Encoded
type Condition = Eligibility.Condition

const careLeaver: Condition = { _tag: "Status", anyOf: ["eligible", "relevant", "former_relevant"] }
const anyCareLeaver: Condition = { _tag: "Status", anyOf: ["eligible", "relevant", "former_relevant", "qualifying"] }
const ages = (from: number, under: number): Condition => ({ _tag: "Age", from, under })
const all = (...conditions: ReadonlyArray<Condition>): Condition => ({ _tag: "All", conditions })
const pounds = (pence: number, per: Entitlement.Frequency, upTo = false) => [{ from: "2018-04-01", pence, per, upTo }]

const local = (input: {
  readonly id: string
  readonly title: string
  readonly summary: string
  readonly areas: readonly [OfferArea, ...Array<OfferArea>]
  readonly eligibility: Condition
  readonly howToAccess: string
  readonly amounts?: ReadonlyArray<typeof Entitlement.Amount.Encoded>
  readonly modelledOn: string
  readonly approval?: Entitlement.Approval
  readonly examples?: ReadonlyArray<typeof Entitlement.Example.Encoded>
}): Encoded => ({
  id: input.id,
  title: input.title,
  summary: input.summary,
  areas: input.areas,
  basis: "discretionary",
  setBy: "local",
  eligibility: input.eligibility,
  effectiveFrom: "2018-04-01",
  amounts: input.amounts ?? [],
  amountDatedBy: "date",
  howToAccess: input.howToAccess,
  approval: input.approval ?? "application",
  sources: [{ title: `Demo Borough Cabinet decision (fictional), modelled on ${input.modelledOn} (domain.md §1.4)` }],
  examples: input.examples ?? []
})

const encoded: ReadonlyArray<Encoded> = [
  local({
    id: "council-tax-exemption-to-21",
    title: "No council tax until you are 21",
    summary: "If you live in the borough and pay council tax, you pay nothing until your 21st birthday.",
    areas: ["accommodation", "financial_literacy"],
    eligibility: all(careLeaver, ages(18, 21), { _tag: "LivesInArea" }, { _tag: "RecourseToPublicFunds" }),
    howToAccess: "Your PA sends the council tax team a referral when you get your tenancy.",
    modelledOn: "Eastleigh and Manchester",
    examples: [
      {
        description: "20, living in the borough",
        dateOfBirth: "2004-08-08",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2022-08-08" }],
        on: "2025-08-07",
        applies: true
      },
      {
        description: "no recourse to public funds",
        dateOfBirth: "2004-08-08",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2022-08-08" },
          { _tag: "NoRecourseToPublicFunds", from: "2022-01-01" }
        ],
        on: "2024-01-01",
        applies: false
      }
    ]
  }),
  local({
    id: "council-tax-discount-21-to-25",
    title: "Half-price council tax from 21 to 25",
    summary: "From your 21st birthday until your 25th, you pay half your council tax if you live in the borough.",
    areas: ["accommodation", "financial_literacy"],
    eligibility: all(careLeaver, ages(21, 25), { _tag: "LivesInArea" }, { _tag: "RecourseToPublicFunds" }),
    howToAccess: "Your PA sends the council tax team a referral; it carries on from the exemption automatically.",
    modelledOn: "Eastleigh",
    examples: [
      {
        description: "on the 21st birthday",
        dateOfBirth: "2004-08-08",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2022-08-08" }],
        on: "2025-08-08",
        applies: true
      }
    ]
  }),
  local({
    id: "deposit-and-rent-in-advance",
    title: "Deposit and first month's rent",
    summary: "If you cannot get social housing, we pay the deposit and first month's rent for a private tenancy.",
    areas: ["accommodation"],
    eligibility: all(careLeaver, ages(18, 25)),
    howToAccess: "Agree the property with your PA before you sign the tenancy.",
    approval: "manager_approval",
    modelledOn: "Rutland and Hull"
  }),
  local({
    id: "housing-priority",
    title: "Priority on the housing register",
    summary: "You can join the housing register from 16 and are given priority for a social tenancy until 25.",
    areas: ["accommodation"],
    eligibility: all(careLeaver, ages(16, 25), { _tag: "LivesInArea" }),
    howToAccess: "Your PA registers you and completes the care leaver priority form with you.",
    approval: "automatic",
    modelledOn: "LBHF and Staffordshire joint housing protocols"
  }),
  local({
    id: "maintenance-allowance-16-17",
    title: "Weekly allowance at 16 and 17",
    summary: "A weekly allowance for food, bills and travel if you are 16 or 17 and living semi-independently.",
    areas: ["financial_literacy", "accommodation"],
    eligibility: all({ _tag: "Status", anyOf: ["relevant"] }, ages(16, 18), {
      _tag: "Accommodation",
      anyOf: ["semi_independent", "supported_lodgings", "independent"]
    }),
    amounts: pounds(5_790, "week"),
    howToAccess: "Paid weekly into your bank account; your PA sets it up with you.",
    approval: "pathway_plan",
    modelledOn: "RBKC and Rutland"
  }),
  local({
    id: "universal-credit-bridging",
    title: "Money while your first Universal Credit claim is sorted",
    summary: "A weekly payment for up to five weeks while you wait for your first Universal Credit payment.",
    areas: ["financial_literacy"],
    eligibility: all(careLeaver, ages(18, 25), { _tag: "RecourseToPublicFunds" }),
    amounts: pounds(5_790, "week"),
    howToAccess: "Tell your PA the day you claim Universal Credit.",
    modelledOn: "Lancashire"
  }),
  local({
    id: "birthday-money",
    title: "Birthday money",
    summary: "£50 on your 19th, 20th and 21st birthdays.",
    areas: ["relationships"],
    eligibility: all(careLeaver, ages(19, 22)),
    amounts: pounds(5_000, "year"),
    howToAccess: "Paid automatically in your birthday week.",
    approval: "automatic",
    modelledOn: "Leeds"
  }),
  local({
    id: "festival-allowance",
    title: "Festival or celebration allowance",
    summary: "£50 once a year towards a religious or cultural festival you celebrate.",
    areas: ["relationships"],
    eligibility: all(careLeaver, ages(18, 22)),
    amounts: pounds(5_000, "year"),
    howToAccess: "Ask your PA; it is agreed in your pathway plan.",
    approval: "pathway_plan",
    modelledOn: "Leeds and Lancashire"
  }),
  local({
    id: "emergency-clothing",
    title: "Emergency clothing",
    summary: "Help to buy clothes in an emergency, up to £75 a year.",
    areas: ["health_and_wellbeing", "financial_literacy"],
    eligibility: all(anyCareLeaver, ages(16, 21)),
    amounts: pounds(7_500, "year", true),
    howToAccess: "Ask your PA; a team manager approves it.",
    approval: "manager_approval",
    modelledOn: "Rutland"
  }),
  local({
    id: "identity-documents",
    title: "Passport, birth certificate and provisional licence",
    summary:
      "We pay for your passport, a copy of your birth certificate and a provisional driving licence as photo ID.",
    areas: ["participation_in_society"],
    eligibility: all(anyCareLeaver, ages(16, 25)),
    howToAccess: "Your PA helps you fill in the forms and pays the fee.",
    modelledOn: "Hull, Warrington, Lancashire and Lambeth"
  }),
  local({
    id: "immigration-advice",
    title: "Immigration and legal advice",
    summary:
      "Free independent immigration advice and help with Home Office fees if your immigration status is not settled.",
    areas: ["participation_in_society"],
    eligibility: all(anyCareLeaver, ages(16, 25), { _tag: "UnaccompaniedAsylumSeeker" }),
    howToAccess: "Your PA refers you to the borough's immigration advice partner.",
    modelledOn: "Lambeth",
    examples: [
      {
        description: "UASC former relevant, 19",
        dateOfBirth: "2006-01-01",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2024-01-01" },
          { _tag: "UnaccompaniedAsylumSeeker", from: "2021-06-01" }
        ],
        on: "2025-02-01",
        applies: true
      },
      {
        description: "not UASC",
        dateOfBirth: "2006-01-01",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2024-01-01" }],
        on: "2025-02-01",
        applies: false
      }
    ]
  }),
  local({
    id: "driving-lessons",
    title: "Driving lessons",
    summary: "Ten hours of driving lessons, your theory test and your first practical test.",
    areas: ["employment"],
    eligibility: all(careLeaver, ages(17, 21)),
    howToAccess: "Agree it in your pathway plan; your PA books and pays the instructor.",
    approval: "pathway_plan",
    modelledOn: "Warrington and Hull"
  }),
  local({
    id: "interview-clothes",
    title: "Clothes for interviews",
    summary: "Up to £100 for clothes for a job or college interview.",
    areas: ["employment"],
    eligibility: all(anyCareLeaver, ages(16, 25)),
    amounts: pounds(10_000, "once", true),
    howToAccess: "Ask your PA before the interview.",
    modelledOn: "Lancashire and Lambeth"
  }),
  local({
    id: "volunteering-allowance",
    title: "Volunteering allowance",
    summary: "£25 a week if you volunteer for five hours or more a week.",
    areas: ["employment", "participation_in_society"],
    eligibility: all(careLeaver, ages(16, 25)),
    amounts: pounds(2_500, "week"),
    howToAccess: "Your PA confirms your hours with the organisation each month.",
    modelledOn: "Lancashire"
  }),
  local({
    id: "further-education-top-up",
    title: "College and training top-up",
    summary: "£30 a week while you study or train for 12 hours or more a week, paid on attendance.",
    areas: ["education_and_training"],
    eligibility: all(careLeaver, ages(16, 21), { _tag: "Activity", anyOf: ["further_education", "training"] }),
    amounts: pounds(3_000, "week"),
    howToAccess: "Your PA checks your attendance with the college each month.",
    modelledOn: "Leeds"
  }),
  local({
    id: "higher-education-living-allowance",
    title: "University living allowance",
    summary: "£60 a week all year round while you are at university, on top of the national bursary.",
    areas: ["education_and_training", "financial_literacy"],
    eligibility: all({ _tag: "Status", anyOf: ["former_relevant"] }, ages(18, 25), {
      _tag: "Activity",
      anyOf: ["higher_education"]
    }),
    amounts: pounds(6_000, "week"),
    howToAccess: "Agree your course in your pathway plan; payments start with your student finance.",
    approval: "pathway_plan",
    modelledOn: "Sefton"
  }),
  local({
    id: "graduation-gift",
    title: "Graduation gift",
    summary: "£500 when you complete your degree, and we pay for your gown and photos.",
    areas: ["education_and_training"],
    eligibility: all({ _tag: "Status", anyOf: ["former_relevant"] }, ages(18, 26), {
      _tag: "Activity",
      anyOf: ["higher_education"]
    }),
    amounts: pounds(50_000, "once"),
    howToAccess: "Tell your PA your graduation date.",
    modelledOn: "Sefton and Lambeth"
  }),
  local({
    id: "laptop",
    title: "A laptop",
    summary: "A laptop if you do not have one, for study, job hunting and staying safe online.",
    areas: ["education_and_training", "employment"],
    eligibility: all(careLeaver, ages(16, 25)),
    howToAccess: "Ask your PA; we buy it and set it up with you.",
    modelledOn: "Hull"
  }),
  local({
    id: "leisure-pass",
    title: "Free gym and swimming",
    summary: "Free use of the borough's leisure centres until you are 25.",
    areas: ["health_and_wellbeing"],
    eligibility: all(anyCareLeaver, ages(18, 25), { _tag: "LivesInArea" }),
    howToAccess: "Your PA sends a referral letter; show it at any leisure centre.",
    modelledOn: "Nottinghamshire's joint offer"
  }),
  local({
    id: "emotional-wellbeing-support",
    title: "Emotional and mental health support",
    summary: "Quick access to a care-experienced counselling service, without a waiting list.",
    areas: ["health_and_wellbeing"],
    eligibility: all(anyCareLeaver, ages(16, 25)),
    howToAccess: "Your PA or GP refers you; you can also refer yourself.",
    modelledOn: "the health offers in domain.md §1.4"
  }),
  local({
    id: "family-time",
    title: "Seeing family and people who matter",
    summary: "Help with travel to see your family or other people important to you.",
    areas: ["relationships"],
    eligibility: all(careLeaver, ages(16, 25)),
    howToAccess: "Agree it with your PA; it depends on what you need.",
    approval: "assessed_need",
    modelledOn: "Lancashire"
  }),
  local({
    id: "young-parent-grant",
    title: "Grant for young parents",
    summary: "£500 towards things for your baby if you become a parent.",
    areas: ["relationships", "financial_literacy"],
    eligibility: all(careLeaver, ages(16, 25), { _tag: "Parent" }),
    amounts: pounds(50_000, "once"),
    howToAccess: "Tell your PA; it is paid as vouchers or bought with you.",
    modelledOn: "Lambeth"
  }),
  local({
    id: "care-leavers-forum",
    title: "Care leavers' forum",
    summary: "Have your say on services and this offer at the monthly forum; we pay your travel and food.",
    areas: ["participation_in_society"],
    eligibility: all(anyCareLeaver, ages(16, 25)),
    howToAccess: "Ask your PA or come along; dates are on the forum's page.",
    modelledOn: "Hampshire"
  }),
  local({
    id: "money-skills",
    title: "Money skills course",
    summary:
      "A short course on budgeting, bank accounts, bills, credit and avoiding debt, with a £20 voucher when you finish.",
    areas: ["financial_literacy"],
    eligibility: all(anyCareLeaver, ages(16, 25)),
    amounts: pounds(2_000, "once"),
    howToAccess: "Your PA books you on the next course.",
    modelledOn: "Westmorland & Furness budgeting work"
  }),
  local({
    id: "bank-account-help",
    title: "Help to open a bank account",
    summary: "Help to open a bank account and set up a budget before you leave care.",
    areas: ["financial_literacy", "participation_in_society"],
    eligibility: all(careLeaver, ages(16, 21)),
    howToAccess: "Your PA goes to the bank with you and brings the ID you need.",
    modelledOn: "the participation offers in domain.md §1.1"
  })
]

/**
 * The fictional council's discretionary entitlements.
 * @category models
 */
export const discretionary: ReadonlyArray<Entitlement.Entitlement> = Schema.decodeUnknownSync(
  Schema.Array(Entitlement.Entitlement)
)(encoded)

/**
 * The whole demo offer: the national catalogue, then the council's own items.
 * @category models
 */
export const entitlements: ReadonlyArray<Entitlement.Entitlement> = [
  ...NationalEntitlements.catalogue,
  ...discretionary
]

/** @category models */
export const title = "Demo Borough local offer for care leavers"
