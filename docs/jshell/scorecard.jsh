// ./splitscope jshell docs/jshell/scorecard.jsh   (from the repository's folder)
import io.splitscope.Splitscope;
import java.nio.file.Path;

var splitscope = Splitscope.open(Path.of("docs/example-project/splitscope.yaml"));
System.out.println(splitscope.experiments());

var scorecard = splitscope.experiment("new_checkout").scorecard();
System.out.println(scorecard);

var conversion = scorecard.rows().get(0).comparison();
System.out.printf("conversion %.4f -> %.4f, p = %.4f%n",
        conversion.controlValue(), conversion.treatmentValue(), conversion.pValue());

System.out.println(splitscope.experiment("new_checkout").metrics("revenue").json());
splitscope.close();
/exit
