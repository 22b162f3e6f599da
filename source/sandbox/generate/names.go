package generate

// Name and place pools for an English practice population. They mix common
// English names with Welsh, Irish, Scottish, South Asian, African, Polish and
// other names seen in English GP lists, and keep some spellings that break
// naive code: diacritics (Zoë, Siân, Łukasz), apostrophes (O'Neill) and
// double-barrelled surnames (built at random from two family names).

var femaleGiven = []string{
	"Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Mia", "Poppy", "Ella",
	"Zoë", "Siân", "Chloë", "Niamh", "Aoife", "Ffion", "Catrin", "Eilidh", "Margaret", "Patricia",
	"Susan", "Janet", "Linda", "Christine", "Elizabeth", "Sarah", "Rebecca", "Hannah", "Jessica", "Charlotte",
	"Priya", "Aisha", "Fatima", "Zainab", "Amara", "Chiamaka", "Agnieszka", "Małgorzata", "Ioana", "Renée",
	"Maryam", "Harpreet", "Anjali", "Doreen", "Beryl", "Joan", "Mary", "Florence", "Ruby", "Freya",
}

var maleGiven = []string{
	"Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "Charlie", "Thomas",
	"Rhys", "Dafydd", "Seán", "Ciarán", "Eoin", "Callum", "Hamish", "David", "John", "Michael",
	"Peter", "Robert", "William", "James", "Richard", "Stephen", "Paul", "Andrew", "Mark", "Daniel",
	"Mohammed", "Imran", "Arjun", "Rajesh", "Oluwaseun", "Kwame", "Chukwuemeka", "Łukasz", "Piotr", "Andrei",
	"José", "François", "Yusuf", "Hamza", "Gurpreet", "Kenneth", "Derek", "Albert", "Frederick", "Alfie",
}

var familyNames = []string{
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
	"Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
	"O'Neill", "O'Brien", "McDonald", "MacLeod", "Ní Bhriain", "D'Souza", "Fitzgerald", "Llewellyn", "Pritchard", "Hughes",
	"Khan", "Patel", "Ahmed", "Hussain", "Singh", "Kaur", "Begum", "Chaudhry", "Okafor", "Adeyemi",
	"Mensah", "Nowak", "Kowalski", "Wiśniewska", "Popescu", "Müller", "Lefèvre", "Nguyen", "Chen", "Papadopoulos",
	"Whitfield", "Ashworth", "Heseltine", "Featherstone", "Sutcliffe", "Ackroyd", "Holroyd", "Barraclough", "Fothergill", "Bottomley",
}

// callingNames maps a given name to the short name people often use; the
// record keeps it as a "usual" name.
var callingNames = map[string]string{
	"William": "Bill", "Robert": "Bob", "Margaret": "Peggy", "Elizabeth": "Liz", "Richard": "Dick",
	"Patricia": "Pat", "Frederick": "Fred", "Albert": "Bert", "Rebecca": "Becky", "Daniel": "Dan",
}

// relationshipTexts are next-of-kin relationships as GP systems hold them
// (GP Connect sends the relationship as text only).
var (
	adultRelationships = []string{"Next of kin", "Wife", "Husband", "Partner", "Daughter", "Son", "Sister", "Brother"}
	childRelationships = []string{"Mother", "Father", "Guardian"}
)

// street names and house names for addresses.
var streets = []string{
	"Station Road", "Church Lane", "High Street", "Victoria Road", "Park Avenue", "Mill Lane",
	"Queen's Road", "Chapel Street", "Albert Terrace", "Manor Way", "The Green", "Westfield Crescent",
	"Otley Road", "Harrogate Road", "Kirkstall Lane", "Wellington Street", "Moor Lane", "Beech Grove",
	"St John's Close", "Oakwood Drive",
}

var houseNames = []string{"Rose Cottage", "The Old Vicarage", "Ivy House", "Orchard View", "Hillcrest"}

// area is a town with its postcode districts and the Ofcom drama-range
// telephone prefix for its area code, so generated numbers are in the
// ranges Ofcom reserves for fiction and will never ring anyone.
type area struct {
	town, county string
	// districts are postcode districts with the locality each covers
	// ("" when the address names none).
	districts   []district
	phonePrefix string // followed by three digits
}

type district struct{ code, locality string }

// areas: real towns and real postcode districts; the inward codes are
// generated in the real format (digit + two letters from the allowed set).
var areas = map[string]area{
	"leeds": {town: "Leeds", county: "West Yorkshire", phonePrefix: "0113 496 0",
		districts: []district{{"LS1", ""}, {"LS2", ""}, {"LS6", "Headingley"}, {"LS7", "Chapel Allerton"}, {"LS8", "Roundhay"},
			{"LS11", "Beeston"}, {"LS16", "Adel"}, {"LS17", "Moortown"}, {"LS28", "Pudsey"}}},
	"sheffield": {town: "Sheffield", county: "South Yorkshire", phonePrefix: "0114 496 0",
		districts: []district{{"S1", ""}, {"S2", "Heeley"}, {"S6", "Hillsborough"}, {"S7", "Nether Edge"},
			{"S10", "Crookes"}, {"S11", ""}, {"S17", "Totley"}}},
	"nottingham": {town: "Nottingham", county: "Nottinghamshire", phonePrefix: "0115 496 0",
		districts: []district{{"NG1", ""}, {"NG2", "West Bridgford"}, {"NG3", ""}, {"NG5", "Sherwood"},
			{"NG7", "Lenton"}, {"NG9", "Beeston"}}},
}

// postcodeInwardLetters are the letters allowed in the last two places of
// a UK postcode (C, I, K, M, O and V are never used there).
const postcodeInwardLetters = "ABDEFGHJLNPQRSTUWXYZ"

// emailDomains are reserved for documentation (RFC 2606).
var emailDomains = []string{"example.com", "example.org", "example.net"}

// languages are the non-English main languages most recorded in English
// GP lists, with CareConnect-HumanLanguage-1 displays.
var languages = []struct{ code, display string }{
	{"pl", "Polish"}, {"ur", "Urdu"}, {"pa", "Panjabi"}, {"bn", "Bengali"},
	{"ro", "Romanian"}, {"gu", "Gujarati"}, {"ar", "Arabic"}, {"cy", "Welsh"},
}

// surgeryNames for generated practices whose name is not given.
var surgeryNames = []string{
	"Hawthorn Lane Surgery", "Meadowbank Medical Practice", "Riverside Health Centre", "Moorland View Surgery",
	"Beechwood Family Practice", "Kirkgate Medical Centre", "Ashfield Group Practice", "Oakwood Lane Surgery",
}
