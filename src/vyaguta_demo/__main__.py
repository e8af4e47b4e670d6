from vyaguta_demo.cli import main

main()
