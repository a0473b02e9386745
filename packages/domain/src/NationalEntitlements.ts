/**
 * The national entitlements every English council's local offer includes: what statute and national schemes give
 * care leavers, with their dates, amounts and sources (domain.md §1.2, §1.3 and §6). A council starts its offer
 * from this catalogue and adds its discretionary items.
 *
 * Written as the JSON an offer is stored and published in, and decoded once, so a malformed date or code here fails
 * at load and in the tests rather than in a young person's answer. Where domain.md marks a date "[verify]" the
 * source says so, and the date should be checked before relying on it in a decision letter.
 */
import { Schema } from "effect"
import * as Entitlement from "./Entitlement.ts"

const careLeaver = { _tag: "Status", anyOf: ["eligible", "relevant", "former_relevant"] } as const
const anyCareLeaver = { _tag: "Status", anyOf: ["eligible", "relevant", "former_relevant", "qualifying"] } as const
/** Under 21, or 21 to 24 having asked for support (CA 1989 s23CZB, inserted by CSWA 2017 s3). */
const to21OrOnRequestTo25 = {
  _tag: "Any",
  conditions: [
    { _tag: "Age", under: 21 },
    { _tag: "All", conditions: [{ _tag: "Age", from: 21, under: 25 }, { _tag: "RequestedSupport" }] }
  ]
} as const

const cswa2017s3 = {
  title: "Children and Social Work Act 2017 s3 (CA 1989 s23CZB): personal adviser support to 25 on request",
  url: "https://legislation.gov.uk/id/ukpga/2017/16/section/3/6"
}

const encoded: ReadonlyArray<typeof Entitlement.Entitlement.Encoded> = [
  {
    id: "personal-adviser",
    title: "A personal adviser",
    summary:
      "A personal adviser (PA) who keeps in touch, helps with your pathway plan and points you to support. Until you are 21, and from 21 to 25 if you ask for one.",
    areas: ["relationships", "participation_in_society"],
    basis: "statutory",
    setBy: "national",
    eligibility: { _tag: "All", conditions: [careLeaver, to21OrOnRequestTo25] },
    effectiveFrom: "2018-04-01",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Your leaving care team gives you a PA from 16. After 21, tell the team you want a PA again.",
    approval: "automatic",
    sources: [
      { title: "Children Act 1989 s23D (personal advisers)" },
      { ...cswa2017s3, title: `${cswa2017s3.title}; commencement commonly dated 1 April 2018 [verify]` }
    ],
    examples: [
      {
        description: "former relevant, the day before the 21st birthday",
        dateOfBirth: "2003-05-10",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2021-05-10" }],
        on: "2024-05-09",
        applies: true
      },
      {
        description: "former relevant, on the 21st birthday, no request for support",
        dateOfBirth: "2003-05-10",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2021-05-10" }],
        on: "2024-05-10",
        applies: false
      },
      {
        description: "former relevant, 23, has asked for support",
        dateOfBirth: "2001-01-15",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2019-01-15" },
          { _tag: "RequestedSupport", from: "2023-06-01" }
        ],
        on: "2024-03-01",
        applies: true
      }
    ]
  },
  {
    id: "pathway-plan",
    title: "A pathway plan",
    summary:
      "A written plan, made with you, of the support you will get for housing, money, education, work, health and relationships. It is reviewed at least every six months.",
    areas: ["relationships", "education_and_training", "accommodation"],
    basis: "statutory",
    setBy: "national",
    eligibility: { _tag: "All", conditions: [careLeaver, to21OrOnRequestTo25] },
    effectiveFrom: "2018-04-01",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Your social worker or PA writes it with you; ask them for a copy.",
    approval: "automatic",
    sources: [{ title: "Children Act 1989 s23E (pathway plans)" }, cswa2017s3],
    examples: [
      {
        description: "eligible, 16, still looked after",
        dateOfBirth: "2008-02-29",
        facts: [{ _tag: "Status", status: "eligible", from: "2024-03-01" }],
        on: "2024-09-01",
        applies: true
      }
    ]
  },
  {
    id: "keeping-in-touch",
    title: "Keeping in touch, wherever you live",
    summary: "The council must stay in touch with you after you leave care, even if you live outside its area.",
    areas: ["relationships"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [{ _tag: "Status", anyOf: ["relevant", "former_relevant"] }, to21OrOnRequestTo25]
    },
    effectiveFrom: "2018-04-01",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Your PA will contact you; tell them when your address or phone number changes.",
    approval: "automatic",
    sources: [{ title: "Children Act 1989 s23B(1) and s23C(2)" }],
    examples: [
      {
        description: "former relevant, 19, living outside the area",
        dateOfBirth: "2005-07-01",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2023-07-01" },
          { _tag: "LivesOutsideArea", from: "2024-01-01" }
        ],
        on: "2024-08-01",
        applies: true
      }
    ]
  },
  {
    id: "staying-put",
    title: "Staying Put with your foster carers",
    summary:
      "If you were living with foster carers when you turned 18, you can stay living with them until you are 21, and the council supports the arrangement, including paying your carers.",
    areas: ["accommodation"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        { _tag: "Status", anyOf: ["former_relevant"] },
        { _tag: "AccommodationAt18", anyOf: ["foster_care", "staying_put"] },
        { _tag: "Age", from: 18, under: 21 }
      ]
    },
    effectiveFrom: "2014-05-13",
    amounts: [],
    amountDatedBy: "date",
    howToAccess:
      "Talk to your social worker and foster carers before your 18th birthday; it goes in your pathway plan.",
    approval: "pathway_plan",
    sources: [
      {
        title: "Children Act 1989 s23CZA, inserted by Children and Families Act 2014 s98 (in force 13 May 2014)",
        url: "https://legislation.gov.uk/ukpga/1989/41/section/23CZA/2020-03-31?view=plain"
      }
    ],
    examples: [
      {
        description: "fostered on the 18th birthday, aged 20",
        dateOfBirth: "2004-03-01",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2022-03-01" },
          { _tag: "Accommodation", accommodation: "foster_care", from: "2019-01-01", to: "2022-02-28" },
          { _tag: "Accommodation", accommodation: "staying_put", from: "2022-03-01" }
        ],
        on: "2024-06-01",
        applies: true
      },
      {
        description: "in a children's home on the 18th birthday",
        dateOfBirth: "2004-03-01",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2022-03-01" },
          { _tag: "Accommodation", accommodation: "childrens_home", from: "2020-01-01" }
        ],
        on: "2023-06-01",
        applies: false
      }
    ]
  },
  {
    id: "higher-education-bursary",
    title: "Higher education bursary",
    summary: "£2,000 from the council if you start a university or other higher education course.",
    areas: ["education_and_training"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        { _tag: "Status", anyOf: ["former_relevant"] },
        { _tag: "Activity", anyOf: ["higher_education"] },
        { _tag: "Age", under: 25 }
      ]
    },
    effectiveFrom: "2008-09-01",
    amounts: [{ from: "2008-09-01", pence: 200_000, per: "once", upTo: false }],
    amountDatedBy: "date",
    howToAccess: "Agree the course in your pathway plan; the council pays it as a lump sum or in instalments.",
    approval: "pathway_plan",
    sources: [
      { title: "Children Act 1989 s23C(5A), inserted by Children and Young Persons Act 2008 s21" },
      {
        title: "The Children Act 1989 (Higher Education Bursary) (England) Regulations 2009, SI 2009/2274",
        url: "http://www.legislation.gov.uk/ukdsi/2009/9780111480663?view=plain"
      }
    ],
    examples: [
      {
        description: "former relevant, 19, at university",
        dateOfBirth: "2005-01-20",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2023-01-20" },
          { _tag: "Activity", activity: "higher_education", from: "2024-09-23" }
        ],
        on: "2024-10-01",
        applies: true,
        pence: 200_000
      }
    ]
  },
  {
    id: "vacation-accommodation",
    title: "Accommodation in university holidays",
    summary:
      "If you study full time in higher education, the council provides or pays for somewhere to live in the holidays.",
    areas: ["accommodation", "education_and_training"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        { _tag: "Status", anyOf: ["former_relevant", "qualifying"] },
        { _tag: "Activity", anyOf: ["higher_education"] },
        { _tag: "Age", under: 25 }
      ]
    },
    effectiveFrom: "2001-10-01",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Ask your PA before the end of term.",
    approval: "application",
    sources: [{ title: "Children Act 1989 s23C(4)(b) and s24B(5)" }],
    examples: []
  },
  {
    id: "education-and-training-assistance",
    title: "Help with education and training costs to 25",
    summary:
      "Help with the costs of a course or training agreed in your pathway plan, up to your 25th birthday, such as travel, books and equipment.",
    areas: ["education_and_training"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        { _tag: "Status", anyOf: ["former_relevant", "qualifying"] },
        { _tag: "Activity", anyOf: ["higher_education", "further_education", "apprenticeship", "training"] },
        { _tag: "Age", under: 25 }
      ]
    },
    effectiveFrom: "2001-10-01",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Agree the course and the costs in your pathway plan with your PA.",
    approval: "pathway_plan",
    sources: [{ title: "Children Act 1989 s23C(4)(b), s23C(7) and s24B" }],
    examples: []
  },
  {
    id: "setting-up-home-allowance",
    title: "Setting-up-home allowance",
    summary:
      "Money for the things you need when you move into your first home of your own: furniture, white goods, bedding and kitchen things.",
    areas: ["accommodation", "financial_literacy"],
    basis: "statutory",
    setBy: "national",
    eligibility: { _tag: "All", conditions: [careLeaver, { _tag: "Age", from: 16, under: 25 }] },
    effectiveFrom: "2011-04-01",
    amounts: [
      { from: "2011-04-01", to: "2023-03-31", pence: 200_000, per: "once", upTo: true },
      { from: "2023-04-01", pence: 300_000, per: "once", upTo: true }
    ],
    amountDatedBy: "date",
    howToAccess: "Plan it with your PA before you move; the council usually buys the items with you.",
    approval: "pathway_plan",
    sources: [
      {
        title:
          "Care Planning, Placement and Case Review (England) Regulations: Transitions guidance Vol 3, Appendix E (minimum £2,000; guidance in force 2011 [verify])"
      },
      {
        title: "Minimum raised to £3,000 from 1 April 2023 (leaving care allowance uplift grant 2023 to 2025)",
        url: "https://coramvoice.org.uk/latest/the-grand-campaign-3000-for-every-care-leaver-clear-rights-fair-support-and-freedom-to-choose"
      }
    ],
    examples: [
      {
        description: "relevant, 17, moving in March 2023: the old minimum",
        dateOfBirth: "2005-09-09",
        facts: [{ _tag: "Status", status: "relevant", from: "2022-09-09" }],
        on: "2023-03-31",
        applies: true,
        pence: 200_000
      },
      {
        description: "relevant, 17, moving in April 2023: the new minimum",
        dateOfBirth: "2005-09-09",
        facts: [{ _tag: "Status", status: "relevant", from: "2022-09-09" }],
        on: "2023-04-01",
        applies: true,
        pence: 300_000
      },
      {
        description: "on the 25th birthday",
        dateOfBirth: "1999-04-01",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2017-04-01" }],
        on: "2024-04-01",
        applies: false
      }
    ]
  },
  {
    id: "apprenticeship-bursary",
    title: "Apprenticeship care leaver bursary",
    summary:
      "A bursary paid through your training provider if you start an apprenticeship before you are 25: £1,000 for starts from August 2018, £3,000 for starts from 1 August 2023. It does not count as income for Universal Credit.",
    areas: ["employment", "education_and_training", "financial_literacy"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        careLeaver,
        { _tag: "Activity", anyOf: ["apprenticeship"] },
        { _tag: "Age", under: 25, at: "activity_start" }
      ]
    },
    effectiveFrom: "2018-08-01",
    amounts: [
      { from: "2018-08-01", to: "2023-07-31", pence: 100_000, per: "once", upTo: false },
      { from: "2023-08-01", pence: 300_000, per: "once", upTo: false }
    ],
    amountDatedBy: "activity_start",
    howToAccess: "Tell your training provider you are a care leaver; they claim it and pay it to you.",
    approval: "application",
    sources: [
      {
        title: "DfE/ESFA Apprenticeships care leavers' bursary: policy summary",
        url: "https://www.gov.uk/government/publications/apprenticeships-bursary-for-care-leavers/apprenticeships-care-leavers-bursary-policy-summary"
      }
    ],
    examples: [
      {
        description: "started in July 2023, asked in September 2023: £1,000",
        dateOfBirth: "2003-02-02",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2021-02-02" },
          { _tag: "Activity", activity: "apprenticeship", from: "2023-07-31" }
        ],
        on: "2023-09-01",
        applies: true,
        pence: 100_000
      },
      {
        description: "started on 1 August 2023: £3,000",
        dateOfBirth: "2003-02-02",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2021-02-02" },
          { _tag: "Activity", activity: "apprenticeship", from: "2023-08-01" }
        ],
        on: "2023-09-01",
        applies: true,
        pence: 300_000
      },
      {
        description: "started the day before the 25th birthday, asked after it",
        dateOfBirth: "1999-10-10",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2017-10-10" },
          { _tag: "Activity", activity: "apprenticeship", from: "2024-10-09" }
        ],
        on: "2024-11-01",
        applies: true,
        pence: 300_000
      },
      {
        description: "started on the 25th birthday",
        dateOfBirth: "1999-10-10",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2017-10-10" },
          { _tag: "Activity", activity: "apprenticeship", from: "2024-10-10" }
        ],
        on: "2024-11-01",
        applies: false
      }
    ]
  },
  {
    id: "sixteen-to-nineteen-bursary",
    title: "16 to 19 Bursary (vulnerable group)",
    summary: "Up to £1,200 a year from your school, college or training provider while you study, if you are 16 to 19.",
    areas: ["education_and_training", "financial_literacy"],
    basis: "statutory",
    setBy: "national",
    eligibility: {
      _tag: "All",
      conditions: [
        anyCareLeaver,
        { _tag: "Age", from: 16, under: 20 },
        { _tag: "Activity", anyOf: ["further_education", "training"] }
      ]
    },
    effectiveFrom: "2011-09-01",
    amounts: [{ from: "2011-09-01", pence: 120_000, per: "year", upTo: true }],
    amountDatedBy: "date",
    howToAccess: "Apply to your school, college or training provider's student support team.",
    approval: "application",
    sources: [
      {
        title: "16 to 19 Bursary Fund: vulnerable groups (scheme from September 2011 [verify])",
        url: "https://www.frg.org.uk/financial-support-with-further-and-higher-education"
      }
    ],
    examples: [
      {
        description: "19 at college: still 16 to 19",
        dateOfBirth: "2005-06-30",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2023-06-30" },
          { _tag: "Activity", activity: "further_education", from: "2024-09-01" }
        ],
        on: "2025-06-29",
        applies: true,
        pence: 120_000
      },
      {
        description: "turned 20 at college",
        dateOfBirth: "2005-06-30",
        facts: [
          { _tag: "Status", status: "former_relevant", from: "2023-06-30" },
          { _tag: "Activity", activity: "further_education", from: "2024-09-01" }
        ],
        on: "2025-06-30",
        applies: false
      }
    ]
  },
  {
    id: "free-nhs-prescriptions-dental-eye-care",
    title: "Free NHS prescriptions, dental and eye care",
    summary: "Free NHS prescriptions, NHS dental treatment and eye tests until your 25th birthday.",
    areas: ["health_and_wellbeing"],
    basis: "statutory",
    setBy: "national",
    eligibility: { _tag: "All", conditions: [anyCareLeaver, { _tag: "Age", under: 25 }] },
    effectiveFrom: "2025-12-23",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Tell the pharmacy, dentist or optician you are a care leaver; your PA can give you a letter.",
    approval: "automatic",
    sources: [
      {
        title: "DHSC announcement, 23 December 2025 (date the exemption takes effect [verify])",
        url: "https://www.pharmacy.biz/care-leavers-free-nhs-prescriptions"
      }
    ],
    examples: [
      {
        description: "24, on 22 December 2025: not yet in force",
        dateOfBirth: "2001-06-01",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2019-06-01" }],
        on: "2025-12-22",
        applies: false
      },
      {
        description: "24, on 23 December 2025",
        dateOfBirth: "2001-06-01",
        facts: [{ _tag: "Status", status: "former_relevant", from: "2019-06-01" }],
        on: "2025-12-23",
        applies: true
      }
    ]
  },
  {
    id: "care-leaver-covenant",
    title: "Care Leaver Covenant offers",
    summary:
      "Work experience, internships, apprenticeships, mentoring and discounts pledged by employers and organisations that have signed the Care Leaver Covenant, for 16 to 25 year olds.",
    areas: ["employment", "participation_in_society"],
    basis: "discretionary",
    setBy: "national",
    eligibility: { _tag: "All", conditions: [anyCareLeaver, { _tag: "Age", from: 16, under: 26 }] },
    effectiveFrom: "2018-10-26",
    amounts: [],
    amountDatedBy: "date",
    howToAccess: "Browse the covenant's offers with your PA, or on the Care Leaver Covenant website.",
    approval: "application",
    sources: [{ title: "Care Leaver Covenant (Spectra First for DfE), launched 26 October 2018" }],
    examples: []
  }
]

/**
 * The national catalogue, decoded.
 * @category models
 */
export const catalogue: ReadonlyArray<Entitlement.Entitlement> = Schema.decodeUnknownSync(
  Schema.Array(Entitlement.Entitlement)
)(encoded)
