// SPDX-License-Identifier: Apache-2.0
#include "demo/population_lists.h"

#include <array>

namespace carecoord::demo::population {
namespace {

// --- Names (001 §9: the communities a Florida program serves) --------------------------------

constexpr const char* kUsFemale[] = {
    "Jennifer", "Ashley",  "Jessica",  "Amanda",   "Sarah",   "Brittany", "Emily",     "Megan",
    "Lauren",   "Rachel",  "Tiffany",  "Kayla",    "Heather", "Nicole",   "Stephanie", "Crystal",
    "Danielle", "Amber",   "Tasha",    "Keisha",   "Latoya",  "Shanice",  "Aaliyah",   "Imani",
    "Destiny",  "Brianna", "Olivia",   "Emma",     "Ava",     "Madison",  "Chloe",     "Harper",
    "Zoe",      "Linda",   "Patricia", "Barbara",  "Donna",   "Deborah",  "Sharon",    "Carol",
    "Brenda",   "Tammy",   "Wanda",    "Rhonda",   "Janet",   "Gloria",   "Dorothy",   "Ruth",
    "Evelyn",   "Joyce",   "Kimberly", "Michelle", "Angela",  "Melissa",  "Rebecca",   "Laura",
    "Amy",      "Chelsea", "Kiara",    "Jasmine",  "Ebony",   "Renée",    "Zoë",       "Chloé"};
constexpr const char* kUsMale[] = {
    "Michael",  "Christopher", "Joshua", "Matthew", "David",   "James",  "Daniel",  "Robert",
    "John",     "Joseph",      "Andrew", "Ryan",    "Brandon", "Jason",  "Justin",  "William",
    "Jonathan", "Anthony",     "Kevin",  "Tyler",   "Cody",    "Dustin", "Travis",  "Terrence",
    "DeShawn",  "Jamal",       "Malik",  "Darnell", "Tyrone",  "Marcus", "Andre",   "Jermaine",
    "Isaiah",   "Elijah",      "Jayden", "Liam",    "Noah",    "Mason",  "Ethan",   "Logan",
    "Gary",     "Larry",       "Dennis", "Roger",   "Wayne",   "Ronald", "Kenneth", "Gregory",
    "Raymond",  "Curtis",      "Leon",   "Earl",    "Walter",  "Harold", "Carl",    "Douglas",
    "Bobby",    "Dwayne",      "Reggie", "Shawn",   "Derrick", "Troy",   "René",    "Zachary"};
constexpr const char* kUsNeutral[] = {"Jordan", "Taylor", "Alex",  "Casey", "Riley",
                                      "Morgan", "Avery",  "Quinn", "Rowan", "Skyler",
                                      "Jamie",  "Dakota", "Reese", "Emery", "Sage"};
constexpr const char* kUsFamily[] = {
    "Smith",      "Johnson",  "Williams", "Brown",    "Jones",     "Miller",     "Davis",
    "Wilson",     "Anderson", "Taylor",   "Thomas",   "Moore",     "Jackson",    "Martin",
    "Thompson",   "White",    "Harris",   "Clark",    "Lewis",     "Robinson",   "Walker",
    "Young",      "Allen",    "King",     "Wright",   "Scott",     "Green",      "Baker",
    "Adams",      "Nelson",   "Hill",     "Campbell", "Mitchell",  "Roberts",    "Carter",
    "Phillips",   "Evans",    "Turner",   "Parker",   "Collins",   "Edwards",    "Stewart",
    "Morris",     "Murphy",   "Cook",     "Rogers",   "Morgan",    "Cooper",     "Peterson",
    "Bailey",     "Reed",     "Kelly",    "Howard",   "Cox",       "Ward",       "Richardson",
    "Watson",     "Brooks",   "Wood",     "James",    "Bennett",   "Gray",       "Hughes",
    "Price",      "Sanders",  "Myers",    "Long",     "Ross",      "Foster",     "Washington",
    "Jefferson",  "Freeman",  "Simmons",  "Bryant",   "Coleman",   "Jenkins",    "Perry",
    "Powell",     "Russell",  "Butler",   "Barnes",   "Fisher",    "Henderson",  "Graham",
    "Sullivan",   "Wallace",  "O'Brien",  "O'Neil",   "McCarthy",  "Fitzgerald", "McKenzie",
    "Dubois",     "Kowalski", "Nowak",    "Schmidt",  "Müller",    "Olsen",      "Boudreaux",
    "Thibodeaux", "Lefèvre",  "Brontë",   "Sørensen", "Whitfield", "Holloway",   "Pruitt"};

constexpr const char* kEsFemale[] = {
    "María",    "María José", "Ana",       "Lucía",   "Sofía",  "Valentina", "Camila",
    "Isabella", "Daniela",    "Gabriela",  "Mariana", "Carmen", "Rosa",      "Guadalupe",
    "Yolanda",  "Marisol",    "Alejandra", "Beatriz", "Inés",   "Ximena",    "Paola",
    "Adriana",  "Verónica",   "Leticia",   "Araceli", "Mónica", "Elena",     "Raquel",
    "Dolores",  "Esperanza",  "Maribel",   "Yesenia", "Jimena", "Natalia",   "Fernanda",
    "Milagros", "Nayeli",     "Zulema",    "Itzel",   "Anaís"};
constexpr const char* kEsMale[] = {
    "José",      "Juan",        "Luis",     "Carlos",   "Jorge",   "Miguel",    "Jesús",
    "Alejandro", "Francisco",   "Andrés",   "Javier",   "Manuel",  "Ángel",     "Héctor",
    "Raúl",      "Sergio",      "Ricardo",  "Fernando", "Eduardo", "Óscar",     "Rubén",
    "Julio",     "Ramón",       "Joaquín",  "Martín",   "Tomás",   "Sebastián", "Mateo",
    "Santiago",  "Diego",       "Emiliano", "Iván",     "Nicolás", "Germán",    "Efraín",
    "Rogelio",   "Juan Carlos", "José Luis"};
constexpr const char* kEsNeutral[] = {"Guadalupe", "Cruz", "Trinidad", "Ariel", "Noa"};
constexpr const char* kEsFamily[] = {
    "García",  "Rodríguez", "Martínez", "Hernández", "López",     "González", "Pérez",
    "Sánchez", "Ramírez",   "Torres",   "Flores",    "Rivera",    "Gómez",    "Díaz",
    "Cruz",    "Morales",   "Reyes",    "Gutiérrez", "Ortiz",     "Chávez",   "Ramos",
    "Ruiz",    "Álvarez",   "Mendoza",  "Castillo",  "Jiménez",   "Vásquez",  "Moreno",
    "Romero",  "Herrera",   "Medina",   "Aguilar",   "Vargas",    "Castro",   "Fernández",
    "Guzmán",  "Muñoz",     "Salazar",  "Peña",      "Ibáñez",    "Núñez",    "Rosario",
    "Soto",    "Delgado",   "Figueroa", "Acosta",    "Benítez",   "Quiñones", "De la Cruz",
    "Santana", "Ávila",     "Cortés",   "Espinoza",  "Maldonado", "Orozco",   "Zúñiga"};

constexpr const char* kViFemale[] = {"Linh",  "Lan",    "Mai",   "Hương", "Thảo", "Ngọc",
                                     "Trang", "Phương", "Hạnh",  "Anh",   "Thủy", "Hoa",
                                     "Vy",    "Nhung",  "Duyên", "Tuyết"};
constexpr const char* kViMale[] = {"Minh", "Tuấn", "Hùng", "Dũng",  "Quang", "Huy", "Long", "Nam",
                                   "Phúc", "Khoa", "Bảo",  "Thành", "Đức",   "Hải", "Việt", "Sơn"};
constexpr const char* kViNeutral[] = {"An", "Anh", "Khánh", "Bình"};
constexpr const char* kViFamily[] = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                     "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                     "Hồ",     "Ngô",  "Dương", "Lý"};

constexpr const char* kHtFemale[] = {"Marie",      "Rose",     "Nadège",   "Fabienne", "Guerline",
                                     "Mirlande",   "Roseline", "Widline",  "Dieula",   "Islande",
                                     "Magalie",    "Sherline", "Nathalie", "Esther",   "Daphnée",
                                     "Marie-Ange", "Fabiola",  "Rosemène"};
constexpr const char* kHtMale[] = {"Jean",        "Pierre",  "Wilner",  "Frantz",      "Jacques",
                                   "Emmanuel",    "Wisly",   "Kervens", "Dieuseul",    "Fritz",
                                   "Stanley",     "Lovens",  "Woodly",  "Jean-Claude", "Réginald",
                                   "Jean-Robert", "Wilfrid", "Clébert"};
constexpr const char* kHtNeutral[] = {"Dominique", "Claude", "Ange"};
constexpr const char* kHtFamily[] = {
    "Jean-Baptiste", "Pierre",      "Joseph", "Louis",    "Charles",   "Jean-Louis", "Désir",
    "Étienne",       "Saint-Fleur", "Dorvil", "Augustin", "Toussaint", "Célestin",   "Beauvais",
    "Lafortune",     "Désormeaux",  "Moïse",  "Noël",     "Fils-Aimé", "Valcourt"};

constexpr const char* kPtFemale[] = {"Ana",     "Beatriz", "Júlia", "Luíza",    "Fernanda",
                                     "Letícia", "Larissa", "Thaís", "Gabriela", "Conceição"};
constexpr const char* kPtMale[] = {"João",   "Pedro",  "Lucas",    "Gustavo", "Thiago",
                                   "Rafael", "Felipe", "Vinícius", "Leandro", "Rodrigo"};
constexpr const char* kPtNeutral[] = {"Darci", "Iris"};
constexpr const char* kPtFamily[] = {"Silva",  "Santos",    "Oliveira",  "Souza",
                                     "Costa",  "Pereira",   "Almeida",   "Ferreira",
                                     "Araújo", "Gonçalves", "Magalhães", "Assunção"};

constexpr const char* kArFemale[] = {"Fatima", "Aisha", "Mariam", "Noor",  "Layla",
                                     "Yasmin", "Huda",  "Rania",  "Salma", "Amira"};
constexpr const char* kArMale[] = {"Mohammed", "Ahmed",  "Omar",    "Ali",   "Yusuf",
                                   "Khalid",   "Hassan", "Ibrahim", "Tariq", "Karim"};
constexpr const char* kArNeutral[] = {"Nour", "Salam"};
constexpr const char* kArFamily[] = {"Haddad",  "Khalil",   "Mansour", "Nasser", "Saleh",
                                     "Hussein", "Abdullah", "Farah",   "Aziz",   "El-Amin"};

constexpr const char* kZhFemale[] = {"Mei", "Xiu", "Li Na", "Jing", "Yan", "Hui", "Ling"};
constexpr const char* kZhMale[] = {"Wei", "Jun", "Hao", "Lei", "Ming", "Jian", "Bo"};
constexpr const char* kZhNeutral[] = {"Yu", "Xin"};
constexpr const char* kZhFamily[] = {"Chen",  "Wang", "Li", "Zhang", "Liu",
                                     "Huang", "Zhao", "Wu", "Zhou",  "Lin"};

constexpr const char* kRuFemale[] = {"Olga",    "Natalia", "Svetlana", "Irina",
                                     "Tatiana", "Oksana",  "Yulia"};
constexpr const char* kRuMale[] = {"Dmitri", "Sergei", "Alexei", "Oleksandr",
                                   "Andriy", "Ivan",   "Mykola"};
constexpr const char* kRuNeutral[] = {"Sasha", "Zhenya"};
constexpr const char* kRuFamily[] = {"Ivanov",  "Petrenko",   "Kovalenko", "Shevchenko",
                                     "Smirnov", "Bondarenko", "Volkov",    "Melnyk"};

const std::array<NameGroup, 8> kGroups = {{
    {kUsFemale, kUsMale, kUsNeutral, kUsFamily, "en", 0.0, 0.0, 520},
    {kEsFemale, kEsMale, kEsNeutral, kEsFamily, "es", 0.55, 0.6, 240},
    {kHtFemale, kHtMale, kHtNeutral, kHtFamily, "ht", 0.45, 0.6, 70},
    {kViFemale, kViMale, kViNeutral, kViFamily, "vi", 0.6, 0.7, 50},
    {kPtFemale, kPtMale, kPtNeutral, kPtFamily, "pt", 0.4, 0.5, 35},
    {kArFemale, kArMale, kArNeutral, kArFamily, "ar", 0.4, 0.6, 35},
    {kZhFemale, kZhMale, kZhNeutral, kZhFamily, "zh", 0.45, 0.6, 25},
    {kRuFemale, kRuMale, kRuNeutral, kRuFamily, "ru", 0.35, 0.5, 25},
}};

constexpr const char* kNicknames[] = {
    "Junior", "Mimi", "Tito",  "Lulu", "Kiki", "Bo",   "Nene",    "Papo", "Tee",    "Dre",   "Mo",
    "Gigi",   "Lexi", "Manny", "Chuy", "Lupe", "Beto", "Ti-Jean", "Bebe", "Pancho", "Sunny", "Red"};

// --- Places ------------------------------------------------------------------------------------

constexpr const char* kStreets[] = {
    "Palmetto Ave",       "Magnolia St",   "Cypress Ln",  "Live Oak Dr", "Riverside Dr",
    "Orange Blossom Trl", "Seminole Rd",   "Pelican Way", "Heron Ct",    "Bayshore Blvd",
    "Mango St",           "Sabal Palm Ct", "Coral Way",   "Hibiscus Ln", "Egret Dr",
    "Citrus Grove Rd",    "Manatee Ave",   "Osprey Cir",  "Tamarind St", "Banyan Rd",
    "Gulf Breeze Pkwy",   "Lakeview Ter",  "Cedar St",    "MLK Jr Blvd"};
constexpr City kCities[] = {{"Riverbend", "339"},   {"Cedar Falls", "339"}, {"Port Alden", "349"},
                            {"Lake Harmon", "347"}, {"Millbrook", "338"},   {"Palm Hollow", "334"},
                            {"Southport", "339"}};
constexpr const char* kAreaCodes[] = {"239", "305", "561", "772", "786", "863", "954"};
constexpr const char* kShelters[] = {"Riverbend Rescue Mission, 210 Bay St",
                                     "Salvation Army Center of Hope, 1500 Coral Way",
                                     "Hope Harbor Family Shelter, 88 Pelican Way",
                                     "Lighthouse Women's Shelter (confidential address)"};

constexpr const char* kContactTimes[] = {"weekday mornings",
                                         "afternoons after 2 pm",
                                         "evenings after 5 pm",
                                         "any time",
                                         "not before 10 am",
                                         "weekends only",
                                         "Tuesday and Thursday afternoons",
                                         "during school hours",
                                         ""};
constexpr const char* kCultural[] = {
    "Prefers a female care coordinator.",
    "Faith is central; pastor is part of the support network.",
    "Family decisions involve the grandmother; include her when the participant agrees.",
    "Observes Ramadan; schedule visits outside fasting hours during that month.",
    "Prefers written materials in plain language, large print.",
    "Veteran; prefers to be addressed by last name.",
    "Uses traditional remedies alongside prescribed medication; ask about them at reviews.",
    "Deaf; uses ASL — book an ASL interpreter for visits.",
    "Does not want home visits; meet at the library or the clinic.",
    "Prefers text over phone calls; anxious on the phone.",
    "Seventh-day Adventist; no appointments Friday evening to Saturday evening.",
    "LGBTQ+; use chosen name and pronouns in every contact.",
    "Recently arrived; immigration worries, avoid government offices without warning.",
    "Prefers meetings in Spanish even though comfortable in English."};
constexpr const char* kFamilyNotes[] = {
    "Lives with mother and two younger siblings; grandmother helps after school.",
    "Parents separated; alternates weeks between households.",
    "Lives with grandparents, who are the legal guardians.",
    "In foster care since last year; caseworker from the community-based care agency involved.",
    "Mother works nights; best reached mid-afternoon.",
    "Older brother recently returned home; tension in the household.",
    "Family receives SNAP; transportation is a barrier to appointments.",
    "Father is the main contact; mother prefers updates by text."};
constexpr const char* kElementary[] = {"Riverbend Elementary", "Palm Hollow Elementary",
                                       "Cedar Falls Elementary", "Heron Point Elementary"};
constexpr const char* kMiddle[] = {"Riverbend Middle School", "Lake Harmon Middle School",
                                   "Southport Middle School"};
constexpr const char* kHigh[] = {"Riverbend High School", "Port Alden High School",
                                 "Millbrook High School",
                                 "Riverbend Technical College (dual enrollment)"};

constexpr Weighted kAdultPayers[] = {{"Sunshine Health (Medicaid)", 22},
                                     {"Simply Healthcare (Medicaid)", 14},
                                     {"Humana Healthy Horizons (Medicaid)", 10},
                                     {"Medicaid fee-for-service", 6},
                                     {"Medicare", 10},
                                     {"Medicare + Medicaid (dual)", 7},
                                     {"Florida Blue", 5},
                                     {"Aetna", 2},
                                     {"UnitedHealthcare", 2},
                                     {"VA health care", 2},
                                     {"Uninsured (ME-funded)", 20}};
constexpr Weighted kChildPayers[] = {{"Sunshine Health (Medicaid)", 30},
                                     {"Simply Healthcare (Medicaid)", 18},
                                     {"Humana Healthy Horizons (Medicaid)", 12},
                                     {"Florida KidCare (CHIP)", 15},
                                     {"Florida Blue", 10},
                                     {"Aetna", 5},
                                     {"Uninsured (ME-funded)", 10}};

constexpr const char* kPcpPractices[] = {
    "Riverbend Family Medicine",  "Palm Hollow Community Health Center (FQHC)",
    "Bayshore Internal Medicine", "Cedar Falls Pediatrics",
    "Southport Health Clinic",    "Lake Harmon Primary Care"};
constexpr const char* kBhAgencies[] = {"Harbor Counseling Center", "New Horizons Behavioral Health",
                                       "Riverbend Recovery Services", "Sunrise Family Counseling",
                                       "Gulf Coast Mental Health Associates"};
constexpr const char* kPsychiatry[] = {"Riverbend Psychiatric Associates",
                                       "Coastal Psychiatry Group",
                                       "New Horizons Medication Clinic"};
constexpr const char* kAgencies[] = {"Riverbend Housing Authority",
                                     "Legal Aid of Riverbend County",
                                     "Vocational Rehabilitation, Riverbend office",
                                     "Department of Children and Families (ACCESS)",
                                     "Riverbend Food Pantry Network",
                                     "SOAR benefits specialist, Managing Entity",
                                     "Veterans Affairs outpatient clinic"};
constexpr const char* kCredentials[] = {"LCSW", "LMHC", "LMFT", "CAP", "MD", "APRN", "PA-C", "DO"};

// --- Referral sources (issue 3 code list; 001 §2 the settings to engage people in) ---------------

constexpr const char* kCsuOrgs[] = {"Riverbend Crisis Stabilization Unit", "Bayshore CSU"};
constexpr const char* kCsuReasons[] = {
    "Discharged from CSU after Baker Act; needs linkage to outpatient psychiatry within 7 days.",
    "Second CSU admission in 90 days; no outpatient provider; housing unstable.",
    "Stabilized on new medication; family asks for help coordinating follow-up care."};
constexpr const char* kSmhtfOrgs[] = {"South Florida State Hospital",
                                      "Northeast Florida State Hospital"};
constexpr const char* kSmhtfReasons[] = {
    "Discharge from state hospital planned within 30 days; needs housing and outpatient linkage.",
    "Long-term stay ending; community reintegration and benefits (SOAR) needed."};
constexpr const char* kInpatientOrgs[] = {"Riverbend Memorial Hospital, Behavioral Health Unit",
                                          "St. Luke's Psychiatric Unit",
                                          "Bayshore Children's Hospital"};
constexpr const char* kInpatientReasons[] = {
    "Inpatient psychiatric discharge; medication changes; needs follow-up within 7 days.",
    "Readmitted twice this year; complex medical and behavioral needs; poor follow-through after "
    "discharge.",
    "Discharge with new diagnosis; family overwhelmed and asking for coordination."};
constexpr const char* kEdOrgs[] = {"Riverbend Memorial Hospital ED",
                                   "Port Alden Medical Center ED"};
constexpr const char* kEdReasons[] = {
    "Frequent ED visits for anxiety and chest pain; no primary care; uninsured.",
    "ED visit after overdose; agreed to care coordination and substance use treatment referral.",
    "Suicidal ideation, not admitted; safety plan made in the ED; needs outpatient linkage."};
constexpr const char* kDetoxOrgs[] = {"Riverbend Addiction Receiving Facility",
                                      "Gulf Coast Detox Center"};
constexpr const char* kDetoxReasons[] = {
    "Completed detox; requests help with residential treatment placement and housing.",
    "Third detox admission this year; co-occurring depression; wants to stay engaged this time."};
constexpr const char* kShelterOrgs[] = {"Riverbend Rescue Mission", "Hope Harbor Family Shelter",
                                        "Salvation Army Center of Hope"};
constexpr const char* kShelterReasons[] = {
    "Shelter staff report worsening symptoms; not connected to any provider; needs benefits help.",
    "Family in shelter; mother and teen both need behavioral health linkage."};
constexpr const char* kJailOrgs[] = {"Riverbend County Jail, re-entry program",
                                     "County Mental Health Court"};
constexpr const char* kJailReasons[] = {
    "Release expected next week; serious mental illness; needs medication bridge and housing.",
    "Mental health court diversion; care coordination is a condition of the plan."};
constexpr const char* kPcpOrgs[] = {"Riverbend Family Medicine",
                                    "Palm Hollow Community Health Center (FQHC)",
                                    "Cedar Falls Pediatrics"};
constexpr const char* kPcpReasons[] = {
    "Uncontrolled diabetes and depression; missed appointments; needs help with transportation and "
    "benefits.",
    "PHQ-9 of 19 at visit; declined therapy before but open to a care coordinator.",
    "Developmental concerns and behavior at home; family needs help with referrals (002)."};
constexpr const char* kSchoolOrgs[] = {"Riverbend Middle School", "Riverbend High School",
                                       "Lake Harmon Middle School"};
constexpr const char* kSchoolReasons[] = {
    "School counselor reports chronic absence and self-harm statements; family agrees to referral.",
    "Behavior incidents at school; IEP review pending; parents ask for help with services."};
constexpr const char* kFamilyOrgs[] = {""};
constexpr const char* kFamilyReasons[] = {
    "Mother called: son stopped taking medication and is isolating; asks for help.",
    "Sister worried after recent hospital discharge; participant agreed to be referred."};
constexpr const char* kSelfOrgs[] = {""};
constexpr const char* kSelfReasons[] = {
    "Walked in asking for help finding a psychiatrist and housing.",
    "Called the access line; wants help getting back on medication and applying for SSI."};
constexpr const char* kOtherOrgs[] = {"Community-based care agency (child welfare)",
                                      "211 Riverbend", "Mobile Response Team"};
constexpr const char* kOtherReasons[] = {
    "Mobile response team visit; needs ongoing coordination after crisis resolved at home.",
    "Child welfare case plan requires behavioral health coordination for the family."};

const std::array<SourceSetting, 12> kSources = {{
    {"crisis_stabilization_unit", 16, 6, kCsuOrgs, kCsuReasons, "csu", 60},
    {"state_mental_health_treatment_facility", 4, 0, kSmhtfOrgs, kSmhtfReasons, "hospital", 30},
    {"inpatient_psychiatric", 14, 10, kInpatientOrgs, kInpatientReasons, "hospital", 55},
    {"emergency_department", 14, 8, kEdOrgs, kEdReasons, "hospital", 65},
    {"detox_or_addiction_receiving_facility", 8, 0, kDetoxOrgs, kDetoxReasons, "hospital", 40},
    {"homeless_shelter", 9, 3, kShelterOrgs, kShelterReasons, "shelter", 30},
    {"jail", 6, 0, kJailOrgs, kJailReasons, "jail", 35},
    {"primary_care", 10, 18, kPcpOrgs, kPcpReasons, "office", 15},
    {"school", 0, 25, kSchoolOrgs, kSchoolReasons, "school", 25},
    {"family", 7, 14, kFamilyOrgs, kFamilyReasons, "home", 30},
    {"self", 9, 2, kSelfOrgs, kSelfReasons, "office", 15},
    {"other", 3, 14, kOtherOrgs, kOtherReasons, "community", 30},
}};

constexpr const char* kReferrerRoles[] = {
    "discharge planner", "social worker",       "case manager", "charge nurse",
    "school counselor",  "re-entry specialist", "therapist",    "shelter case manager"};
constexpr const char* kDeclineReasons[] = {
    "Lives outside the program's service area; referred to the neighbouring county's program.",
    "Does not meet eligibility criteria (no serious mental illness); referred to outpatient "
    "counseling.",
    "Already served by a FACT team; coordinated with them instead.",
    "Duplicate referral; the person already has an open episode.",
    "Needs a higher level of care than care coordination; referred back to the hospital social "
    "worker."};
constexpr const char* kCloseReasons[] = {
    "Goals met; transitioned to community-based outpatient services (001 §10).",
    "Stable for 90 days; linked to PCP and therapist; participant chose to step down.",
    "Transferred to a FACT team for a higher level of community support.",
    "Moved in with family out of state; records sent with consent.",
    "Housing secured and benefits approved; transition plan complete."};
constexpr const char* kEarlyCloseReasons[] = {
    "Moved out of the service area before enrollment.",
    "Admitted to long-term residential treatment; will be re-referred at discharge.",
    "Enrolled with another care coordination program that already served the family."};

// --- Case notes ------------------------------------------------------------------------------

constexpr const char* kHandoffNotes[] = {
    "Warm hand-off: introduced in person by the discharge planner before discharge (001 §8).",
    "Warm hand-off at the unit; reviewed what care coordination offers and agreed on a first "
    "visit.",
    "Met with the participant and the referring social worker together; participant agreed to "
    "services.",
    "Introduced by phone within 24 hours of referral; first face-to-face visit scheduled (001 "
    "§8)."};
constexpr const char* kTransferNotes[] = {
    "Warm hand-off of accountability: joint home visit with the new care coordinator (001 §8).",
    "Caseload rebalanced; introduced the new care coordinator at the monthly visit.",
    "Coordinator leaving the team; joint visit held and care plan reviewed together."};
constexpr const char* kCoordinatorVisitNotes[] = {
    "Home visit: reviewed care plan goals; reports sleeping better and attended the PCP "
    "appointment.",
    "Monthly in-person visit (000): medication adherence good; discussed budgeting goal.",
    "Met at the clinic: reviewed progress toward housing goal; application submitted last week.",
    "In-person visit: completed benefits screening; SOAR application started (001 §6).",
    "Visit at home with family present; updated crisis plan and natural supports list.",
    "Met at the library; participant led the review of goals and chose next steps (001 §4).",
    "Monthly visit: reviewed barriers to therapy attendance; arranged bus pass."};
constexpr const char* kCoordinatorCheckInNotes[] = {
    "Check-in: confirmed the psychiatry appointment for next week; no new concerns.",
    "Check-in: reports mood stable; reminded of food pantry hours.",
    "Check-in: reviewed the medication list after the pharmacy change.",
    "Check-in: confirmed transportation for Thursday's appointment.",
    "Followed up on the Medicaid renewal letter; forms sent in.",
    "Check-in: participant reports a hard week; reviewed coping skills and the crisis line "
    "number."};
constexpr const char* kPeerNotes[] = {
    "Weekly peer meeting (000): walked to the pharmacy together; talked about recovery goals.",
    "Peer support: attended the support group together; participant shared for the first time.",
    "Met at the community center; practiced the bus route to the clinic.",
    "Helped fill out the housing application; shared own experience with the waitlist.",
    "Coffee meeting; talked about reconnecting with family and setting small weekly goals."};
constexpr const char* kPeerRemoteNotes[] = {
    "Peer check-in: participant reports cravings but stayed sober this week.",
    "Peer check-in: talked through a stressful week; planned to meet at the group on Tuesday.",
    "Peer check-in: reminded about the housing interview; participant feels ready.",
    "Peer check-in (000 weekly contact): small goal for the week is to call the sister."};
constexpr const char* kNurseNotes[] = {
    "Nurse care manager: medication reconciliation after discharge; two duplicate prescriptions "
    "stopped.",
    "Reviewed blood sugar log; coordinated with PCP about insulin dose.",
    "Reviewed home blood pressure readings; taught about side effects of the new antipsychotic."};
constexpr const char* kGuardianNotes[] = {
    "Spoke with the guardian about the school meeting and medication refills.",
    "Guardian reports fewer outbursts at home; reviewed the behavior plan together.",
    "With the parent: scheduled the developmental evaluation and confirmed transport (002).",
    "Reviewed the child's care plan goals with the guardian (002)."};
constexpr const char* kOutsidePartyNotes[] = {
    "Coordinated follow-up appointment and shared the updated care plan with",
    "Requested recent records and discussed medication changes with",
    "Care conference call about discharge plan and next steps with",
    "Shared the crisis plan and confirmed roles and responsibilities with",
    "Followed up on the referral status and next appointment with"};
constexpr const char* kAssessmentNotes[] = {
    "Completed LOCUS with the participant; level of care 3 (001 §3).",
    "Needs and strengths assessment completed; priorities are housing and medication access.",
    "Completed the child and family assessment with the guardian (002).",
    "Reassessment: risk lower than at intake; coordination level stepped down."};
constexpr const char* kCarePlanningNotes[] = {
    "Wrote the care plan together: three goals with target dates; participant chose the first one "
    "(001 §4).",
    "Care plan review: one goal met, housing goal extended by 60 days.",
    "Updated crisis plan and natural supports with the participant."};
constexpr const char* kTransitionNotes[] = {
    "Transition follow-up: attended the first outpatient appointment; next one booked.",
    "Discussed the step-down plan; participant knows how to reach the outpatient provider.",
    "Follow-up after transition: medications filled, therapist appointment kept."};
constexpr const char* kCrisisNotes[] = {
    "Crisis call after hours: safety plan reviewed; participant agreed to call the mobile response "
    "team if needed.",
    "Participant reported suicidal thoughts without plan; safety plan updated, psychiatrist "
    "notified same day.",
    "Crisis at home; de-escalated by phone with the guardian; follow-up visit tomorrow."};
constexpr const char* kNoAnswerNotes[] = {
    "Called; no answer and voicemail full.", "Called twice; phone went straight to voicemail.",
    "No answer at the number on file; will try the alternate number."};
constexpr const char* kLeftMessageNotes[] = {
    "Called; left a voicemail with the callback number.",
    "Left a message asking for a call back to schedule the visit.",
    "Left a message with the household member who answered."};
constexpr const char* kTextNoReplyNotes[] = {"Sent a text reminder about the visit; no reply.",
                                             "Texted to check in; no response yet."};
constexpr const char* kNotFoundNotes[] = {
    "Home visit attempted; no one answered. Left a card on the door.",
    "Went to the shelter at the agreed time; participant was not there.",
    "Waited at the clinic for the scheduled meeting; participant did not come."};
constexpr const char* kLocateNotes[] = {
    "Active attempt to locate (001 §2): checked the shelter and the day center; not seen this "
    "week.",
    "Attempt to locate: visited last known address; neighbour has not seen the participant in "
    "weeks.",
    "Attempt to locate: checked the county jail roster and the hospital; not found.",
    "Attempt to locate: asked the emergency contact; no recent contact with the participant."};
constexpr const char* kRescheduledNotes[] = {
    "Participant asked to move the visit to next week; rescheduled.",
    "Visit rescheduled: participant had a conflicting medical appointment."};
constexpr const char* kRefusalNotes[] = {
    "Participant said they no longer want care coordination; told them they can come back any time "
    "(001 §2).",
    "Participant declined further services; reviewed the crisis line and closed with their "
    "agreement."};
constexpr const char* kClosingNotes[] = {
    "Closing visit: reviewed progress on goals; transition plan and provider contacts in place.",
    "Final visit: celebrated goals met; participant has the outpatient team's numbers."};
constexpr const char* kAddenda[] = {
    "Addendum: the PCP appointment discussed is on the 21st, not the 14th.",
    "Addendum: the participant's sister was also present at this visit.",
    "Addendum: correction — medication discussed was sertraline 50 mg, not 100 mg.",
    "Addendum: interpreter (Spanish) was present by phone for this contact."};
constexpr const char* kConsentPurposes[] = {"Coordination of care and treatment",
                                            "Care coordination and discharge planning",
                                            "Coordination of benefits and housing applications",
                                            "Sharing the care plan with the care team"};
constexpr const char* kRevocationNotes[] = {
    "Participant asked to stop sharing with this party.",
    "Participant revoked in writing after changing providers.",
    "Guardian revoked the release at the family meeting."};
constexpr const char* kRelatedNotes[] = {"Visits on weekends; helps with transportation.",
                                         "Lives nearby; checks in daily.",
                                         "Prefers to be called after 6 pm.",
                                         "Speaks Spanish only.",
                                         "Key support during past crises.",
                                         ""};

}  // namespace

std::span<const NameGroup> NameGroups() {
  return kGroups;
}

const NameGroup& PickGroup(Rng& rng) {
  int total = 0;
  for (const NameGroup& g : kGroups) total += g.weight;
  auto r = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
  for (const NameGroup& g : kGroups) {
    if (r < g.weight) return g;
    r -= g.weight;
  }
  return kGroups[0];
}

Words Nicknames() {
  return kNicknames;
}
Words Streets() {
  return kStreets;
}
std::span<const City> Cities() {
  return kCities;
}
Words AreaCodes() {
  return kAreaCodes;
}
Words ShelterAddresses() {
  return kShelters;
}
Words ContactTimes() {
  return kContactTimes;
}
Words CulturalConsiderations() {
  return kCultural;
}
Words FamilyNotes() {
  return kFamilyNotes;
}
Words ElementarySchools() {
  return kElementary;
}
Words MiddleSchools() {
  return kMiddle;
}
Words HighSchools() {
  return kHigh;
}
std::span<const Weighted> AdultPayers() {
  return kAdultPayers;
}
std::span<const Weighted> ChildPayers() {
  return kChildPayers;
}
Words PrimaryCarePractices() {
  return kPcpPractices;
}
Words BehavioralHealthAgencies() {
  return kBhAgencies;
}
Words PsychiatryPractices() {
  return kPsychiatry;
}
Words CommunityAgencies() {
  return kAgencies;
}
Words ProviderCredentials() {
  return kCredentials;
}
std::span<const SourceSetting> SourceSettings() {
  return kSources;
}

const SourceSetting& PickSource(Rng& rng, bool child) {
  int total = 0;
  for (const SourceSetting& s : kSources) total += child ? s.child_weight : s.adult_weight;
  auto r = static_cast<int>(rng.Below(static_cast<std::uint64_t>(total)));
  for (const SourceSetting& s : kSources) {
    const int w = child ? s.child_weight : s.adult_weight;
    if (r < w) return s;
    r -= w;
  }
  return kSources.back();
}

Words ReferrerRoles() {
  return kReferrerRoles;
}
Words DeclineReasons() {
  return kDeclineReasons;
}
Words CloseReasons() {
  return kCloseReasons;
}
Words EarlyCloseReasons() {
  return kEarlyCloseReasons;
}
Words HandoffNotes() {
  return kHandoffNotes;
}
Words TransferNotes() {
  return kTransferNotes;
}
Words CoordinatorVisitNotes() {
  return kCoordinatorVisitNotes;
}
Words CoordinatorCheckInNotes() {
  return kCoordinatorCheckInNotes;
}
Words PeerNotes() {
  return kPeerNotes;
}
Words PeerRemoteNotes() {
  return kPeerRemoteNotes;
}
Words NurseNotes() {
  return kNurseNotes;
}
Words GuardianNotes() {
  return kGuardianNotes;
}
Words OutsidePartyNotes() {
  return kOutsidePartyNotes;
}
Words AssessmentNotes() {
  return kAssessmentNotes;
}
Words CarePlanningNotes() {
  return kCarePlanningNotes;
}
Words TransitionNotes() {
  return kTransitionNotes;
}
Words CrisisNotes() {
  return kCrisisNotes;
}
Words NoAnswerNotes() {
  return kNoAnswerNotes;
}
Words LeftMessageNotes() {
  return kLeftMessageNotes;
}
Words TextNoReplyNotes() {
  return kTextNoReplyNotes;
}
Words NotFoundNotes() {
  return kNotFoundNotes;
}
Words LocateNotes() {
  return kLocateNotes;
}
Words RescheduledNotes() {
  return kRescheduledNotes;
}
Words RefusalNotes() {
  return kRefusalNotes;
}
Words ClosingNotes() {
  return kClosingNotes;
}
Words AddendumTexts() {
  return kAddenda;
}
Words ConsentPurposes() {
  return kConsentPurposes;
}
Words RevocationNotes() {
  return kRevocationNotes;
}
Words RelatedPersonNotes() {
  return kRelatedNotes;
}

}  // namespace carecoord::demo::population
