"""The SDK of SPEC section 9 end to end: through a real `lodestar up` and code server."""
