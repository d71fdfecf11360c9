from orgcharts.cli import main

main(prog_name="orgcharts")
