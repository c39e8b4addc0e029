"""Run execution: known state, plan walking, step executors and the run coordinator."""
