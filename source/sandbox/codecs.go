package sandbox

import (
	"im1fhir/mappings/emis"
	"im1fhir/mappings/tpp"
	"im1fhir/mappings/vision"
)

// Codecs returns the supplier formats the sandbox reads, by supplier name.
func Codecs() map[string]Codec {
	return map[string]Codec{
		emis.Supplier:   {DecodePractice: emis.DecodePractice, DecodePatient: emis.DecodePatient},
		tpp.Supplier:    {DecodePractice: tpp.DecodePractice, DecodePatient: tpp.DecodePatient},
		vision.Supplier: {DecodePractice: vision.DecodePractice, DecodePatient: vision.DecodePatient},
	}
}
