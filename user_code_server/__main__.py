"""`python -m user_code_server`: serve a repository (see `user_code_server.server.main`)."""

from user_code_server.server import main

if __name__ == "__main__":
    main()
