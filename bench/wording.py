"""Names and sentences for the generated dataset: plausible council business, varied enough
that a full-text search over ten years of minutes has real work to do."""

from __future__ import annotations

import random

FIRST_NAMES = (
    "Alan", "Alison", "Amir", "Angela", "Anita", "Barry", "Beverley", "Brian", "Carol",
    "Catherine", "Chloe", "Clive", "Colin", "Daniel", "David", "Deborah", "Denise", "Derek",
    "Elaine", "Emma", "Fiona", "Gareth", "Gillian", "Graham", "Hannah", "Helen", "Ian",
    "Imran", "Jacqueline", "James", "Janet", "Jeremy", "Joanne", "John", "Karen", "Keith",
    "Kevin", "Laura", "Linda", "Malcolm", "Margaret", "Mark", "Martin", "Michelle", "Nadia",
    "Neil", "Nicola", "Oliver", "Patricia", "Paul", "Priya", "Rachel", "Richard", "Robert",
    "Ruth", "Sandra", "Sarah", "Simon", "Stephen", "Susan", "Tariq", "Teresa", "Thomas",
    "Valerie", "Wendy", "Zoë",
)  # fmt: skip

LAST_NAMES = (
    "Adams", "Ahmed", "Atkinson", "Bailey", "Baker", "Barnes", "Bell", "Bennett", "Brooks",
    "Burton", "Carter", "Chapman", "Clarke", "Cole", "Cooke", "Cox", "Davies", "Dixon",
    "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gibson", "Graham", "Gray",
    "Hall", "Harris", "Hart", "Hughes", "Hunt", "Jackson", "James", "Jenkins", "Johnson",
    "Kaur", "Kelly", "Khan", "King", "Knight", "Lawrence", "Lee", "Lewis", "Marshall",
    "Mason", "Matthews", "Mills", "Mitchell", "Moore", "Morgan", "Murphy", "Nash", "Newman",
    "O'Brien", "Owen", "Palmer", "Parker", "Patel", "Pearce", "Phillips", "Price", "Reid",
    "Richards", "Robinson", "Rose", "Russell", "Shaw", "Singh", "Stockell", "Stone",
    "Taylor", "Thomas", "Turner", "Walker", "Ward", "Watson", "Webb", "White", "Wood",
    "Wright", "Young",
)  # fmt: skip

COUNCILLOR_TITLES = ("Cllr", "Cllr", "Cllr", "Cllr Mrs", "Cllr Dr")
OFFICER_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "CI", "Supt", "Prof")

ORGANISATION_STEMS = (
    "Maidstone Borough Council", "Kent County Council", "Kent Police", "NHS West Kent",
    "Kent Fire and Rescue Service", "Golding Homes", "Maidstone Chamber of Commerce",
    "Voluntary Action Maidstone", "Tonbridge and Malling Borough Council",
    "Medway Council", "Mid Kent College", "Kent Community Health NHS Trust",
    "Environment Agency", "Southern Water", "Job Centre Plus", "Citizens Advice Maidstone",
    "Age UK Maidstone", "Kent Association of Local Councils", "Kent Probation Service",
    "Maidstone and Tunbridge Wells NHS Trust", "Kent Wildlife Trust", "Arriva Southern",
    "Network Rail", "Highways England", "Swale Borough Council", "Ashford Borough Council",
    "Sevenoaks District Council", "Tunbridge Wells Borough Council", "Kent Youth Service",
    "Public Health Kent", "Porchlight", "Town Centre Management", "Kent Downs AONB Unit",
    "University of Kent", "Canterbury Christ Church University", "Kent Invicta Chamber",
    "Homes England", "Sport England", "Arts Council England", "Historic England",
)  # fmt: skip

POSITIONS = (
    "Chief Executive", "Director of Finance", "Head of Planning", "District Manager",
    "Community Safety Manager", "Democratic Services Officer", "Housing Manager",
    "Head of Legal", "Public Health Consultant", "Policy Officer", "Chief Inspector",
    "Station Manager", "Head of Environmental Services", "Economic Development Manager",
    "Project Manager", "Head of Commissioning", "Clerk", "Treasurer", "Partnership Manager",
)  # fmt: skip

BODY_THEMES = (
    "Planning", "Licensing", "Audit", "Governance", "Overview and Scrutiny",
    "Health and Wellbeing", "Community Safety", "Housing", "Economic Development",
    "Environment", "Transport", "Heritage", "Culture and Leisure", "Children and Families",
    "Adult Social Care", "Employment", "Standards", "Appointments", "Pensions",
    "Regeneration", "Climate Emergency", "Town Centre", "Parks and Open Spaces", "Waste",
    "Skills", "Rural Affairs", "Equalities", "Budget", "Procurement", "Flood Risk",
    "Tourism", "Markets", "Youth", "Older People", "Homelessness", "Air Quality",
    "Corporate Services", "Digital", "Cemeteries", "Allotments", "Sports Facilities",
    "Neighbourhood Planning", "Local Plan", "Community Grants", "Anti-Social Behaviour",
    "Safeguarding", "Modern Slavery", "Public Realm", "Car Parking",
)  # fmt: skip

VENUES = (
    "Town Hall, High Street, Maidstone", "Council Chamber, Maidstone House",
    "Committee Room 1, Sessions House, County Hall", "Medway Room, Maidstone House",
    "Kent Room, Kent Police College", "Boardroom, Wharf House, Tonbridge",
    "Community Hall, Shepway", "Village Hall, Headcorn", "Royal Star Arcade Meeting Room",
)  # fmt: skip

TOPICS = (
    "budget monitoring", "capital programme", "council tax support", "fees and charges",
    "the local plan review", "housing allocations", "temporary accommodation",
    "empty homes", "affordable housing delivery", "the town centre strategy",
    "street lighting", "the air quality action plan", "flood defences on the River Medway",
    "the waste and recycling contract", "garden waste collections", "fly-tipping",
    "anti-social behaviour in parks", "the night-time economy", "licensing of taxis",
    "street trading consents", "the community safety partnership plan",
    "domestic abuse services", "troubled families", "school place planning",
    "youth provision", "the leisure centre refurbishment", "the museum collections",
    "the cemetery extension", "allotment rents", "tree preservation orders",
    "conservation area appraisals", "the biodiversity net gain policy", "bus services",
    "car park tariffs", "electric vehicle charging points", "the climate emergency plan",
    "digital services", "the customer contact centre", "treasury management",
    "the internal audit plan", "risk management", "the annual governance statement",
    "members' allowances", "the code of conduct", "health inequalities",
    "the dementia-friendly communities scheme", "social prescribing", "rough sleeping",
    "the homelessness reduction strategy", "business rates relief", "the shared prosperity fund",
    "apprenticeships", "the skills plan", "the markets review", "tourism promotion",
    "the Lockmeadow redevelopment", "the Kent Downs management plan", "water supply resilience",
)  # fmt: skip

TITLE_FORMS = (
    "Report on {topic}",
    "{Topic}: update",
    "{Topic} - Quarter {q} Performance",
    "Review of {topic}",
    "{Topic} Consultation Response",
    "Proposals for {topic}",
    "{Topic} Annual Report {year}",
    "Presentation: {topic}",
)

PURPOSES = ("for decision", "for decision", "for information", "for noting")
SUB_ITEMS = ("ward issues", "finance", "consultation", "next steps", "risks", "timetable")

VERBS = (
    "reported", "explained", "noted", "outlined", "highlighted", "confirmed", "advised",
    "emphasised", "summarised", "questioned", "welcomed", "cautioned",
)  # fmt: skip
CONCERNS = (
    "the pressure on the revenue budget", "delays in the procurement timetable",
    "the shortage of suitable sites", "a rise in reported incidents since the spring",
    "the need for closer working with partners", "the response rate to the consultation",
    "the cost of temporary accommodation", "the condition of the existing buildings",
    "the impact on residents in the rural wards", "staff recruitment and retention",
    "the uncertainty over government funding", "the backlog of outstanding cases",
    "the performance of the contractor", "the accessibility of the service online",
    "the timetable for the public inquiry", "the risk of judicial review",
)  # fmt: skip
PEOPLE_GROUPS = (
    "residents", "businesses", "parish councils", "young people", "older residents",
    "tenants", "landlords", "voluntary groups", "ward members", "partner agencies",
)  # fmt: skip
NUMBERS = ("two", "three", "four", "five", "six", "a dozen", "twenty", "several")


def title(rng: random.Random, topic: str, year: int) -> str:
    form = rng.choice(TITLE_FORMS)
    return form.format(
        topic=topic, Topic=topic[0].upper() + topic[1:], q=rng.randint(1, 4), year=year
    )


def sentence(rng: random.Random, speaker: str, topic: str) -> str:
    forms = (
        "{speaker} {verb} that {concern} remained the main risk for {topic}.",
        "Members discussed {concern} and asked that {groups} be kept informed.",
        "{speaker} {verb} {concern}; {number} options had been considered.",
        "It was {verb} that {number} {groups} had responded about {topic}.",
        "In answer to a question, {speaker} {verb} that {topic} was on track despite {concern}.",
        "The Board {verb} the progress made on {topic} since the last meeting.",
        "A member asked how {groups} would benefit; {speaker} {verb} the expected outcomes.",
    )
    return rng.choice(forms).format(
        speaker=speaker,
        verb=rng.choice(VERBS),
        concern=rng.choice(CONCERNS),
        topic=topic,
        groups=rng.choice(PEOPLE_GROUPS),
        number=rng.choice(NUMBERS),
    )


def paragraph(rng: random.Random, speaker: str, topic: str, sentences: int) -> str:
    return " ".join(sentence(rng, speaker, topic) for _ in range(sentences))


def resolution_text(rng: random.Random, topic: str) -> str:
    forms = (
        "That the report on {topic} be noted.",
        "That the recommendations on {topic} be approved.",
        "That officers report back on {topic} at the next meeting.",
        "That {topic} be referred to the Cabinet with the Committee's comments.",
        "That a task and finish group be established to review {topic}.",
        "That the proposed approach to {topic} be endorsed for consultation.",
    )
    return rng.choice(forms).format(topic=topic)


def action_text(rng: random.Random, topic: str) -> str:
    forms = (
        "Circulate the briefing note on {topic}",
        "Report back on {topic}",
        "Arrange a site visit about {topic}",
        "Write to the Secretary of State about {topic}",
        "Update the risk register for {topic}",
        "Bring a revised timetable for {topic}",
        "Consult {groups} on {topic}",
    )
    return rng.choice(forms).format(topic=topic, groups=rng.choice(PEOPLE_GROUPS))
