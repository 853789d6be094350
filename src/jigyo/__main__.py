from jigyo.cli import main

main()
