// Package rediscache is the shared tier of the terminology cache: look-up
// results and version lists in Redis, in front of an in-process tier.
//
// Keys always carry the resolved version (term:{system}|{version}:{code}:{lang}),
// so entries are never stale and never need deleting. A release switch
// publishes an event on a pub/sub channel; every replica drops its
// in-process tier when it hears one, so a replica that loaded nothing still
// forgets what it held.
//
// Redis is optional at every step: each call has a short timeout, and after
// a failure Redis is skipped for a back-off period, so a Redis outage costs
// at most one timeout per back-off instead of failing or slowing requests;
// look-ups are then served from memory.
package rediscache
