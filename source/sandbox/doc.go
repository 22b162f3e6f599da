// Package sandbox is the IM1 test environment's GP system: practices held on
// disk (or embedded in the binary) in their supplier's native format, read
// through the mappings/<supplier> codecs into canonical records.
//
// Layout of a sandbox folder:
//
//	sandbox.json                 {"practices":[{"ods":"GPC001","supplier":"emis"}, ...]}
//	pds.json                     the national spine mock: NHS number → flags
//	<ODS>/practice.xml           the practice directory in the supplier's format
//	<ODS>/patients/<id>.xml      one patient record each, as the supplier's IM1 API returns it
//
// pds.json stands in for the Personal Demographics Service, which a GP
// Connect provider consults for sensitivity and NHS number verification; it
// lists only patients with a flag set:
//
//	{"9476718897": {"sensitive": true}, "9476718943": {"notOnSpine": true}}
package sandbox
