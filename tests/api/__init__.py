"""Tests of the GraphQL API through a real `lodestar up` process."""
