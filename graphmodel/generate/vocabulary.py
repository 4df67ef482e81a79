"""The words synthetic networks are made of: places, people's names, organisation and
body names, post titles, themes. Nothing here is drawn; :mod:`.distributions` says how
often each is used."""
from __future__ import annotations

COUNTY = "Northshire"
THEMES = (
    "Community Safety", "Health and Wellbeing", "Children and Young People", "Older People",
    "Adult Social Care", "Economic Growth", "Employment and Skills", "Housing",
    "Transport", "Environment and Climate", "Culture and Leisure", "Education",
    "Public Health", "Mental Health", "Domestic Abuse", "Anti-social Behaviour",
    "Neighbourhood Regeneration", "Financial Inclusion", "Digital Inclusion",
    "Equality and Cohesion", "Volunteering and Third Sector", "Substance Misuse",
)
PREFIXES = ("Ash", "Beck", "Bram", "Brad", "Carl", "Chap", "Cross", "Dun", "East", "Farn",
             "Gar", "Gil", "Hare", "Head", "Hol", "Horn", "Hun", "Kirk", "Lang", "Lea",
             "Mar", "Mean", "Moor", "Nether", "New", "Oak", "Ot", "Pud", "Raw", "Rich",
             "Rose", "Roth", "Scar", "Shaw", "Stan", "Thorn", "Wes", "Whin", "Wood", "Yea")
SUFFIXES = ("by", "ley", "ton", "field", "wood", "ford", "well", "thorpe", "ham", "bridge",
             "gate", "moor", "dale", "burn", "hill", "worth", "stead", "holme", "wick", "cliffe")
COMPASS = ("North", "North East", "East", "South East", "South", "South West", "West",
            "North West", "Inner", "Outer", "Central")
FIRST_NAMES = (
    "Aaliyah", "Abdul", "Adam", "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Angela",
    "Anna", "Anthony", "Arjun", "Barbara", "Ben", "Bethany", "Bilal", "Carol", "Catherine",
    "Charlotte", "Chen", "Chloe", "Christine", "Claire", "Colin", "Daniel", "David", "Deborah",
    "Dennis", "Eleanor", "Elizabeth", "Emily", "Emma", "Fatima", "Fiona", "Gareth", "Gary",
    "Gemma", "George", "Graham", "Hannah", "Harjit", "Harry", "Helen", "Ian", "Imran",
    "Isabel", "Jack", "James", "Jane", "Janet", "Jasmine", "Jennifer", "John", "Jonathan",
    "Joseph", "Julie", "Karen", "Kate", "Keith", "Kevin", "Laura", "Lee", "Lisa", "Liam",
    "Lucy", "Mandeep", "Margaret", "Mark", "Martin", "Mary", "Matthew", "Michael", "Mohammed",
    "Nadia", "Natalie", "Neil", "Nicola", "Olivia", "Oliver", "Patricia", "Paul", "Peter",
    "Priya", "Rachel", "Rebecca", "Richard", "Robert", "Ruth", "Ryan", "Sadia", "Samuel",
    "Sandra", "Sarah", "Simon", "Sophie", "Stephen", "Steven", "Susan", "Tariq", "Thomas",
    "Tom", "Tracey", "Usman", "Victoria", "Wei", "William", "Yasmin", "Zainab", "Zoe",
)
SURNAMES = (
    "Adams", "Ahmed", "Akhtar", "Ali", "Allen", "Anderson", "Atkinson", "Bailey", "Baker",
    "Barker", "Begum", "Bell", "Bennett", "Booth", "Bradley", "Brown", "Butler", "Campbell",
    "Carter", "Chapman", "Chaudhry", "Clarke", "Collins", "Cook", "Cooper", "Cox", "Davies",
    "Dawson", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Fletcher", "Foster", "Gill",
    "Graham", "Gray", "Green", "Hall", "Harris", "Harrison", "Hill", "Holmes", "Hughes",
    "Hussain", "Jackson", "James", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "King",
    "Knight", "Lee", "Lewis", "Lloyd", "Malik", "Marshall", "Martin", "Mason", "Mills",
    "Mitchell", "Moore", "Morgan", "Morris", "Murphy", "Murray", "Nelson", "Nowak", "O'Brien",
    "Owen", "Palmer", "Parker", "Patel", "Pearson", "Phillips", "Price", "Rahman", "Reid",
    "Richards", "Richardson", "Roberts", "Robinson", "Rogers", "Russell", "Scott", "Shah",
    "Sharma", "Shaw", "Simpson", "Singh", "Smith", "Stevens", "Stewart", "Sutcliffe", "Taylor",
    "Thomas", "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Wilkinson",
    "Williams", "Wilson", "Wood", "Wright", "Young", "Zhang",
)
# Anchor organisations: the home council, then the usual county-wide partners.
ANCHORS = (
    ("local_authority", "{county} Council"),
    ("nhs", "NHS {county} Integrated Care Board"),
    ("police", "{county} Police"),
    ("fire_and_rescue", "{county} Fire and Rescue Service"),
    ("third_sector", "Voluntary Action {county}"),
    ("probation", "{county} Probation Service"),
    ("healthwatch", "Healthwatch {county}"),
    ("nhs", "{county} Teaching Hospitals NHS Trust"),
    ("education", "University of {county}"),
    ("government", "Department for Work and Pensions ({county})"),
    ("business", "{county} Chamber of Commerce"),
    ("faith", "{county} Faiths Forum"),
    ("other", "{county} Housing Association"),
)
ORG_NAMES = {
    "third_sector": ("{p} Community Association", "{p} Youth Project", "{p} Food Bank",
                     "{p} Carers Centre", "{p} Women's Aid", "{p} Credit Union",
                     "{p} Tenants and Residents Association", "{p} Neighbourhood Network",
                     "{p} Advice Centre", "{p} Sports Trust", "{p} Community Transport"),
    "education": ("{p} Primary School", "{p} High School", "{p} College",
                  "{p} Academy Trust", "{p} Nursery School"),
    "business": ("{p} Business Improvement District", "{p} Traders Association",
                 "{p} Developments Ltd", "{p} Logistics Ltd", "{p} Retail Park"),
    "nhs": ("{p} Primary Care Network", "{p} Medical Practice",
            "{p} Community Health Services", "{p} Mental Health Services"),
    "faith": ("{p} Parish Church", "{p} Mosque", "{p} Methodist Circuit", "{p} Gurdwara",
              "{p} Churches Together", "{p} Synagogue"),
    "local_authority": ("{p} Town Council", "{p} Parish Council"),
    "other": ("{p} Housing Co-operative", "{p} Leisure Trust", "{p} Homes"),
    "government": ("Jobcentre Plus {p}", "{p} Magistrates Court", "Environment Agency ({p})"),
    "police": ("{county} Police {p} Neighbourhood Team",),
    "fire_and_rescue": ("{p} Fire Station",),
    "probation": ("{county} Probation Service {p} Office",),
}
COMMUNITY_KINDS = ("third_sector", "faith", "education", "other")
POST_TITLES = {
    "local_authority": ("Chief Executive", "Director of Adults and Health",
                        "Director of Children and Families", "Director of Communities",
                        "Director of Public Health", "Chief Officer Resources",
                        "Head of Community Safety", "Head of Housing", "Area Leader",
                        "Locality Manager", "Community Engagement Manager",
                        "Partnership Manager", "Policy and Performance Officer",
                        "Democratic Services Officer", "Neighbourhood Manager",
                        "Youth Services Manager", "Head of Regeneration"),
    "nhs": ("Chief Executive", "Director of Nursing", "Medical Director",
            "Director of Strategy", "Clinical Lead", "Practice Manager",
            "Head of Commissioning"),
    "police": ("Chief Constable", "Divisional Commander", "Neighbourhood Inspector",
               "Partnership Sergeant"),
    "fire_and_rescue": ("Chief Fire Officer", "Station Manager", "Community Safety Manager"),
    "": ("Chief Executive", "Chair", "Director", "Manager", "Development Officer",
         "Coordinator", "Head of Partnerships"),
}
COMMITTEES = ("Licensing", "Planning", "Audit and Governance", "Standards", "Employment",
              "Appeals", "Corporate Governance", "Pensions", "Health and Safety")
CATEGORY = {
    "full_council": "Council decision-making", "executive": "Council decision-making",
    "committee": "Council decision-making", "scrutiny_board": "Council scrutiny",
    "area_committee": "Council decision-making",
    "strategic_partnership_board": "Strategic and Key Partnership",
    "partnership_board": "Strategic and Key Partnership", "trust": "Arm's-length body",
    "programme": "Delivery programme", "supporting_partnership": "Supporting Partnership",
    "cluster_partnership": "Locality Partnership", "panel": "Operational group",
    "partnership": "Supporting Partnership", "network": "Network or forum",
    "working_group": "Operational group", "other_body": "Operational group",
}
# A person's kind is its index here (the people plan stores the index).
PERSON_KINDS = ("elected_member", "officer", "partner_representative", "co_opted_member",
                "community_member", "other")
ELECTED, OFFICER = 0, 1
COMPOSITION_KEYS = ("elected_member", "officer", "partner", "co_opted_member",
                    "community_member", "other")
