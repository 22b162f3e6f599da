package sandbox

// Codecs returns the supplier formats the sandbox reads.
func Codecs() map[string]Codec {
	return map[string]Codec{}
}
