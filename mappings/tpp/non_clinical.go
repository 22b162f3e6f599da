package tpp

// NonClinical holds appointments, visits and tasks.
type NonClinical struct {
	Appointment []Appointment `xml:"Appointment"`
	Visit       []Visit       `xml:"Visit"`
	Task        []Task        `xml:"Task"`
}

// Appointment is a booked appointment. Status is an AppointmentStatus
// ("Booked", "Arrived", ..., "Cancelled by Organisation").
type Appointment struct {
	DateTime          string   `xml:"DateTime"`
	Duration          string   `xml:"Duration"`
	Clinician         string   `xml:"Clinician"`
	UserName          string   `xml:"UserName"`
	Site              string   `xml:"Site"`
	ClinicType        string   `xml:"ClinicType"`
	AppointmentUID    string   `xml:"AppointmentUID"`
	Status            string   `xml:"Status"`
	Comments          string   `xml:"Comments,omitempty"`
	LinkedReferralUID string   `xml:"LinkedReferralUID,omitempty"`
	Flag              []string `xml:"Flag"`
}

// Visit is a home visit.
type Visit struct {
	DateTime          string `xml:"DateTime"`
	Duration          string `xml:"Duration"`
	Comments          string `xml:"Comments,omitempty"`
	UserName          string `xml:"UserName"`
	LinkedReferralUID string `xml:"LinkedReferralUID,omitempty"`
	Status            string `xml:"Status"`
	VisitUID          string `xml:"VisitUID"`
}

// Task is a workflow task about the patient.
type Task struct {
	TaskType          string `xml:"TaskType"`
	Due               string `xml:"Due,omitempty"`
	Content           string `xml:"Content"`
	UserNameAssigned  string `xml:"UserNameAssigned,omitempty"`
	GroupNameAssigned string `xml:"GroupNameAssigned,omitempty"`
	TaskUID           string `xml:"TaskUID"`
	// DateTime and Status are response only.
	DateTime string `xml:"DateTime,omitempty"`
	Status   string `xml:"Status,omitempty"`
}
