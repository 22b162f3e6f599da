package tpp

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"
)

// SystmOne message and response UIDs are RFC 4122 version 1 (time-based)
// UUIDs, e.g. 855DFE00-FBED-11E7-B949-99AB34D85A60. Their timestamp is when
// the record was extracted, the closest thing the schema has to a
// last-modified time: LastModified is carried there (100 ns precision).

// gregorianOffset is the number of 100 ns intervals from 1582-10-15 (the UUID
// epoch) to 1970-01-01.
const gregorianOffset = 0x01B21DD213814000

// newMessageUID builds the UID for a record keyed by key. A non-zero t gives a
// version 1 UUID stamped with t; a zero t gives a version 8 (vendor-specific)
// UUID so that "no time known" survives a round trip. The node and clock
// sequence come from a hash of key, so output is deterministic.
func newMessageUID(key string, t time.Time) string {
	h := fnv.New64a()
	h.Write([]byte(key))
	sum := h.Sum64()
	clockSeq := 0x8000 | uint16(sum>>48)&0x3fff // RFC 4122 variant
	node := sum&0xffffffffffff | 0x010000000000 // multicast bit: not a MAC
	var ts uint64
	version := uint64(8)
	if !t.IsZero() {
		ts = uint64(t.UnixNano()/100 + gregorianOffset)
		version = 1
	} else {
		ts = sum & 0x0fffffffffffffff
	}
	return strings.ToUpper(fmt.Sprintf("%08x-%04x-%04x-%04x-%012x",
		ts&0xffffffff, (ts>>32)&0xffff, (ts>>48)&0x0fff|version<<12, clockSeq, node))
}

// messageUIDTime returns the timestamp of a version 1 UUID, or the zero time
// for anything else (other versions, other identifiers, junk).
func messageUIDTime(uid string) time.Time {
	uid = strings.TrimSpace(uid)
	if len(uid) != 36 || uid[8] != '-' || uid[13] != '-' || uid[18] != '-' || uid[23] != '-' || uid[14] != '1' {
		return time.Time{}
	}
	low, err1 := strconv.ParseUint(uid[0:8], 16, 32)
	mid, err2 := strconv.ParseUint(uid[9:13], 16, 16)
	hi, err3 := strconv.ParseUint(uid[15:18], 16, 16)
	if err1 != nil || err2 != nil || err3 != nil {
		return time.Time{}
	}
	ts := int64(hi<<48|mid<<32|low) - gregorianOffset
	return time.Unix(ts/1e7, ts%1e7*100).UTC()
}
